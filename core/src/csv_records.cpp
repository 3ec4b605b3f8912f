// RFC 4180 CSV, as spreadsheets export it, into mail-merge records.
#include <algorithm>

#include "broadside/core/diagnostics.hpp"
#include "broadside/core/records.hpp"

namespace broadside::core {
namespace {

struct Row {
    std::vector<std::string> fields;
    int line = 0;
};

class CsvParser {
public:
    CsvParser(std::string_view text, const std::string& path, Diagnostics& diags)
        : text_(text), path_(path), diags_(diags) {}

    // Reads every row; returns false after reporting the first syntax error.
    bool rows(std::vector<Row>& out) {
        while (pos_ < text_.size()) {
            Row row;
            row.line = line_;
            if (!read_row(row.fields)) return false;
            bool blank = row.fields.size() == 1 && row.fields[0].empty();
            if (!blank) out.push_back(std::move(row));
        }
        return true;
    }

private:
    bool read_row(std::vector<std::string>& fields) {
        for (;;) {
            std::string field;
            if (!read_field(field)) return false;
            fields.push_back(std::move(field));
            if (pos_ >= text_.size()) return true;
            char c = text_[pos_];
            if (c == ',') {
                ++pos_;
                column_++;
                continue;
            }
            end_of_line();
            return true;
        }
    }

    void end_of_line() {
        if (text_[pos_] == '\r') ++pos_;
        if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
        ++line_;
        column_ = 1;
    }

    bool read_field(std::string& field) {
        if (pos_ < text_.size() && text_[pos_] == '"') return read_quoted(field);
        while (pos_ < text_.size()) {
            char c = text_[pos_];
            if (c == ',' || c == '\n' || c == '\r') break;
            field += c;  // a stray quote inside an unquoted field is kept as it is
            ++pos_;
            ++column_;
        }
        return true;
    }

    bool read_quoted(std::string& field) {
        int open_line = line_, open_column = column_;
        ++pos_;
        ++column_;
        while (pos_ < text_.size()) {
            char c = text_[pos_++];
            ++column_;
            if (c == '"') {
                if (pos_ < text_.size() && text_[pos_] == '"') {
                    field += '"';
                    ++pos_;
                    ++column_;
                    continue;
                }
                if (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n' &&
                    text_[pos_] != '\r') {
                    diags_.error(path_, line_, column_, "text after the closing quote of a field",
                                 "write a quote inside a quoted field as two quotes: \"\"");
                    return false;
                }
                return true;
            }
            if (c == '\n') {
                ++line_;
                column_ = 1;
            }
            // CRLF inside a quoted field is kept as LF, like the line breaks of Markdown.
            if (c == '\r' && pos_ < text_.size() && text_[pos_] == '\n') continue;
            field += c;
        }
        diags_.error(path_, open_line, open_column, "a quoted field is never closed",
                     "add the closing quote \" at the end of the field");
        return false;
    }

    std::string_view text_;
    const std::string& path_;
    Diagnostics& diags_;
    std::size_t pos_ = 0;
    int line_ = 1, column_ = 1;
};

std::string trimmed(const std::string& s) {
    auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

}  // namespace

const std::string* Record::find(std::string_view name) const {
    for (const auto& [k, v] : fields)
        if (k == name) return &v;
    return nullptr;
}

namespace {

void append_csv_field(std::string& out, const std::string& field) {
    if (field.find_first_of(",\"\r\n") == std::string::npos) {
        out += field;
        return;
    }
    out += '"';
    for (char c : field) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    out += '"';
}

}  // namespace

std::string records_csv(const std::vector<Record>& records) {
    std::vector<std::string> names;
    for (const auto& r : records)
        for (const auto& [name, value] : r.fields)
            if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    std::string out;
    auto row = [&out](const std::vector<std::string>& fields) {
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (i > 0) out += ',';
            append_csv_field(out, fields[i]);
        }
        out += "\r\n";
    };
    row(names);
    for (const auto& r : records) {
        std::vector<std::string> values;
        for (const auto& name : names) {
            const std::string* value = r.find(name);
            values.push_back(value ? *value : std::string());
        }
        row(values);
    }
    return out;
}

std::optional<std::vector<Record>> parse_csv_records(std::string_view text, const std::string& path,
                                                     Diagnostics& diags) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    std::vector<Row> rows;
    CsvParser parser(text, path, diags);
    if (!parser.rows(rows)) return std::nullopt;
    if (rows.empty()) {
        diags.error(path, 0, 0, "the data file has no header row",
                    "the first row names the fields, e.g. id,name,street,city");
        return std::nullopt;
    }
    std::vector<std::string> names;
    for (const auto& f : rows[0].fields) {
        std::string name = trimmed(f);
        if (name.empty() || std::find(names.begin(), names.end(), name) != names.end()) {
            diags.error(path, rows[0].line, 0,
                        name.empty() ? "the header row has an empty field name"
                                     : "the header row names " + quote_value(name) + " twice",
                        "every column needs its own name");
            return std::nullopt;
        }
        names.push_back(name);
    }
    std::vector<Record> records;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const Row& row = rows[r];
        if (row.fields.size() != names.size()) {
            diags.error(path, row.line, 0,
                        "this row has " + std::to_string(row.fields.size()) + " fields, the header " +
                            std::to_string(names.size()),
                        "quote fields that contain commas: \"Geneva, Switzerland\"");
            return std::nullopt;
        }
        Record rec;
        rec.number = static_cast<int>(r);
        rec.line = row.line;
        for (std::size_t i = 0; i < names.size(); ++i) rec.fields.emplace_back(names[i], row.fields[i]);
        records.push_back(std::move(rec));
    }
    return records;
}

}  // namespace broadside::core
