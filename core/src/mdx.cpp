#include "mdx.hpp"

#include <cctype>
#include <filesystem>
#include <set>

namespace broadside::core {
namespace {

bool starts_statement(std::string_view line) {
    return line.starts_with("import ") || line.starts_with("import{") ||
           line.starts_with("export ");
}

// A statement ends on the line that names its module or closes with a semicolon.
bool ends_statement(std::string_view line) {
    std::size_t last = line.find_last_not_of(" \t\r");
    return line.find(" from ") != std::string_view::npos ||
           (last != std::string_view::npos && line[last] == ';');
}

// Blanks [from, to) of `text`, keeping line ends so line numbers hold.
void blank(std::string& text, std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to && i < text.size(); ++i)
        if (text[i] != '\n') text[i] = ' ';
}

// The end of a JSX tag starting at `at` ('<'): past its '>' at brace depth 0, outside quotes;
// npos when it never ends.
std::size_t tag_end(const std::string& text, std::size_t at) {
    int depth = 0;
    char quote = 0;
    for (std::size_t i = at + 1; i < text.size(); ++i) {
        const char c = text[i];
        if (quote) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'' || c == '`') {
            quote = c;
        } else if (c == '{') {
            ++depth;
        } else if (c == '}') {
            depth = depth > 0 ? depth - 1 : 0;
        } else if (c == '>' && depth == 0) {
            return i + 1;
        }
    }
    return std::string::npos;
}

}  // namespace

bool is_mdx(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext == ".mdx";
}

std::string strip_mdx(std::string_view body, int first_line, const std::string& path,
                      Diagnostics& diags) {
    std::string text(body);
    std::set<std::string> components_seen;
    bool in_fence = false, in_statement = false;
    int line_no = first_line;
    for (std::size_t start = 0; start < text.size(); ++line_no) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string_view line(text.data() + start, end - start);
        const std::string_view trimmed =
            line.substr(std::min(line.find_first_not_of(" \t"), line.size()));
        if (trimmed.starts_with("```") || trimmed.starts_with("~~~")) {
            in_fence = !in_fence;
        } else if (!in_fence && (in_statement || starts_statement(line))) {
            if (!in_statement)
                diags.warning(path, line_no, 1,
                              "MDX " + std::string(line.substr(0, 6)) + " is not run; left out",
                              "a book or a PDF runs no JavaScript; write what it shows as text");
            in_statement = !ends_statement(line);
            blank(text, start, end);
        } else if (!in_fence) {
            bool in_code = false;
            for (std::size_t i = start; i < end; ++i) {
                const char c = text[i];
                if (c == '`') in_code = !in_code;
                if (in_code) continue;
                if (c == '{' && text.compare(i, 3, "{/*") == 0) {
                    std::size_t close = text.find("*/}", i);
                    if (close == std::string::npos) break;
                    blank(text, i, close + 3);
                    continue;
                }
                const std::size_t name_at = i + 1 + (i + 1 < end && text[i + 1] == '/' ? 1 : 0);
                if (c != '<' || name_at >= text.size() ||
                    !std::isupper(static_cast<unsigned char>(text[name_at])))
                    continue;
                std::size_t close = tag_end(text, i);
                if (close == std::string::npos) break;
                std::size_t name_end = name_at;
                while (name_end < text.size() &&
                       (std::isalnum(static_cast<unsigned char>(text[name_end])) ||
                        text[name_end] == '.' || text[name_end] == '_'))
                    ++name_end;
                const std::string name = text.substr(name_at, name_end - name_at);
                if (components_seen.insert(name).second)
                    diags.warning(path, line_no, static_cast<int>(i - start) + 1,
                                  "MDX component <" + name + "> is not run; its text is kept",
                                  "a book or a PDF runs no JavaScript; write what it shows as "
                                  "Markdown");
                blank(text, i, close);
                // A tag over several lines: go on after it (its lines are counted below).
                if (close > end) {
                    for (std::size_t k = end; k < close; ++k)
                        if (text[k] == '\n') ++line_no;
                    end = text.find('\n', close);
                    if (end == std::string::npos) end = text.size();
                }
                i = close - 1;
            }
        }
        start = end + 1;
    }
    return text;
}

}  // namespace broadside::core
