#include "object_streams.hpp"

#include <zlib.h>

#include <algorithm>
#include <charconv>
#include <string>
#include <string_view>

namespace broadside::pdf {
namespace {

/// One object of the file: its number and where its body lies (after "N 0 obj", before
/// "endobj").
struct Object {
    unsigned number = 0;
    std::size_t start = 0;  ///< where "N 0 obj" is
    std::size_t begin = 0, end = 0;
    bool stream = false;
};

constexpr std::size_t objects_per_stream = 200;

/// A row of the cross-reference stream: free (0), at an offset (1), or in an object stream (2).
struct Entry {
    std::uint8_t type = 0;
    std::uint64_t field = 0;  ///< offset, or number of the containing stream
    std::uint64_t extra = 0;  ///< index in that stream, or generation
};                            // readers decode a whole stream per lookup

std::string deflated(std::string_view data) {
    uLongf size = compressBound(static_cast<uLong>(data.size()));
    std::string out(size, '\0');
    if (compress2(reinterpret_cast<Bytef*>(out.data()), &size,
                  reinterpret_cast<const Bytef*>(data.data()), static_cast<uLong>(data.size()),
                  Z_DEFAULT_COMPRESSION) != Z_OK)
        return {};
    out.resize(size);
    return out;
}

void append_field(std::string& row, std::uint64_t value, int bytes) {
    for (int i = bytes - 1; i >= 0; --i) row += static_cast<char>((value >> (8 * i)) & 0xFF);
}

bool is_space(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

// The decimal number at `at` in `pdf`, bounded by the view (libharu's bytes end in no NUL);
// `at` moves past it.
std::optional<std::size_t> number_at(std::string_view pdf, std::size_t& at) {
    std::size_t value = 0;
    const char* end = pdf.data() + pdf.size();
    const auto [next, error] = std::from_chars(pdf.data() + std::min(at, pdf.size()), end, value);
    if (error != std::errc()) return std::nullopt;
    at = static_cast<std::size_t>(next - pdf.data());
    return value;
}

// The objects listed in the one cross-reference section libharu writes ("xref\n0 N\n" and N
// entries of 20 bytes), with the text of the trailer dictionary.
bool read_layout(std::string_view pdf, std::vector<Object>& objects, std::string& trailer) {
    const std::size_t startxref = pdf.rfind("startxref\n");
    if (startxref == std::string_view::npos) return false;
    std::size_t at = startxref + 10;
    const auto xref = number_at(pdf, at);
    if (!xref || *xref >= startxref || pdf.substr(*xref, 5) != "xref\n") return false;
    at = *xref + 5;
    const auto first = number_at(pdf, at);
    ++at;  // the space
    const auto count = number_at(pdf, at);
    if (first != 0u || !count || pdf.substr(at, 1) != "\n") return false;
    const std::size_t entries = at + 1;
    const std::size_t trailer_at = entries + 20 * *count;
    if (trailer_at >= startxref || pdf.substr(trailer_at, 8) != "trailer\n") return false;
    const std::size_t open = pdf.find("<<", trailer_at), close = pdf.rfind(">>", startxref);
    if (open == std::string_view::npos || close == std::string_view::npos || close < open)
        return false;
    trailer = std::string(pdf.substr(open + 2, close - open - 2));
    for (std::size_t n = 1; n < *count; ++n) {
        const std::size_t entry = entries + 20 * n;
        if (pdf[entry + 17] != 'n') continue;
        std::size_t digits = entry;
        const auto offset = number_at(pdf, digits);
        const std::string head = std::to_string(n) + " 0 obj";
        if (!offset || *offset >= *xref || pdf.substr(*offset, head.size()) != head) return false;
        objects.push_back({static_cast<unsigned>(n), *offset, *offset + head.size(), 0, false});
    }
    std::sort(objects.begin(), objects.end(),
              [](const Object& a, const Object& b) { return a.begin < b.begin; });
    for (std::size_t i = 0; i < objects.size(); ++i) {
        const std::size_t limit = i + 1 < objects.size() ? objects[i + 1].start : *xref;
        const std::size_t end = pdf.substr(0, limit).rfind("endobj");
        if (end == std::string_view::npos || end < objects[i].begin) return false;
        objects[i].end = end;
        std::string_view body = pdf.substr(objects[i].begin, end - objects[i].begin);
        while (!body.empty() && is_space(body.back())) body.remove_suffix(1);
        objects[i].stream = body.ends_with("endstream");
    }
    return true;
}

// The trailer's entries but /Size, which the cross-reference stream states anew.
std::string trailer_entries(const std::string& trailer) {
    std::string out;
    std::size_t pos = 0;
    while (pos < trailer.size()) {
        std::size_t end = trailer.find('\n', pos);
        if (end == std::string::npos) end = trailer.size();
        const std::string line = trailer.substr(pos, end - pos);
        if (!line.starts_with("/Size") && line.find_first_not_of(" \r") != std::string::npos)
            out += line + "\n";
        pos = end + 1;
    }
    return out;
}

}  // namespace

std::optional<std::vector<std::uint8_t>> pack_objects(const std::vector<std::uint8_t>& bytes) {
    const std::string_view pdf(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    std::vector<Object> objects;
    std::string trailer;
    if (!read_layout(pdf, objects, trailer) || objects.empty()) return std::nullopt;

    unsigned size = 0;
    for (const Object& o : objects) size = std::max(size, o.number + 1);
    // Numbers libharu left unused are free; 0 heads the free list.
    std::vector<Entry> entries(size, Entry{0, 0, 0});
    entries[0] = {0, 0, 65535};

    std::string out(pdf.substr(0, objects.front().start));  // the header and its binary line
    std::vector<const Object*> packed;
    for (const Object& o : objects) {
        if (!o.stream) {
            packed.push_back(&o);
            continue;
        }
        entries[o.number] = {1, out.size(), 0};
        out += std::to_string(o.number) + " 0 obj";
        out.append(pdf.substr(o.begin, o.end - o.begin));
        out += "endobj\n";
    }
    // Packed in the order of their numbers, so neighbours share a stream.
    std::sort(packed.begin(), packed.end(),
              [](const Object* a, const Object* b) { return a->number < b->number; });
    for (std::size_t from = 0; from < packed.size(); from += objects_per_stream) {
        const std::size_t to = std::min(packed.size(), from + objects_per_stream);
        const auto stream_number = static_cast<unsigned>(entries.size());
        std::string index, data;
        for (std::size_t i = from; i < to; ++i) {
            const Object& o = *packed[i];
            index += std::to_string(o.number) + " " + std::to_string(data.size()) + " ";
            std::string_view body = pdf.substr(o.begin, o.end - o.begin);
            while (!body.empty() && is_space(body.front())) body.remove_prefix(1);
            data.append(body);
            entries[o.number] = {2, stream_number, i - from};
        }
        const std::string compressed = deflated(index + data);
        if (compressed.empty()) return std::nullopt;
        entries.push_back({1, out.size(), 0});
        out += std::to_string(stream_number) + " 0 obj\n<<\n/Type /ObjStm\n/N " +
               std::to_string(to - from) + "\n/First " + std::to_string(index.size()) +
               "\n/Filter /FlateDecode\n/Length " + std::to_string(compressed.size()) +
               "\n>>\nstream\n" + compressed + "\nendstream\nendobj\n";
    }
    const auto xref_number = static_cast<unsigned>(entries.size());
    const std::size_t xref_at = out.size();
    entries.push_back({1, xref_at, 0});
    // Each entry: its type, then its offset or containing stream in as few bytes as the
    // largest needs, then its index in that stream (or generation) in two.
    std::uint64_t widest = 0;
    for (const Entry& e : entries) widest = std::max(widest, e.field);
    int width = 1;
    while (width < 8 && (widest >> (8 * width)) != 0) ++width;
    std::string table;
    for (const Entry& e : entries) {
        append_field(table, e.type, 1);
        append_field(table, e.field, width);
        append_field(table, e.extra, 2);
    }
    const std::string compressed = deflated(table);
    if (compressed.empty()) return std::nullopt;
    out += std::to_string(xref_number) + " 0 obj\n<<\n/Type /XRef\n/Size " +
           std::to_string(entries.size()) + "\n/W [ 1 " + std::to_string(width) + " 2 ]\n" +
           trailer_entries(trailer) + "/Filter /FlateDecode\n/Length " +
           std::to_string(compressed.size()) + "\n>>\nstream\n" + compressed +
           "\nendstream\nendobj\nstartxref\n" + std::to_string(xref_at) + "\n%%EOF\n";
    return std::vector<std::uint8_t>(out.begin(), out.end());
}

}  // namespace broadside::pdf
