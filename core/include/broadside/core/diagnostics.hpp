#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace broadside::core {

/// How bad a diagnostic is: warnings let the output come out, errors stop the job (exit 1);
/// an info line only tells what the job did not do (no hyphenation dictionary for a language).
enum class Severity { warning, error, info };

/// One message about the input, located at file:line:column (1-based; 0 = unknown).
struct Diagnostic {
    Severity severity = Severity::error;
    std::string file;
    int line = 0;
    int column = 0;
    std::string message;
    std::string hint;  ///< what the user can do about it; may be empty
};

/// The list of diagnostics that travels with one job. Library code adds to it and never prints.
class Diagnostics {
  public:
    void error(std::string file, int line, int column, std::string message, std::string hint = {});
    void warning(std::string file, int line, int column, std::string message,
                 std::string hint = {});
    void info(std::string file, int line, int column, std::string message, std::string hint = {});
    void add(Diagnostic d) { items_.push_back(std::move(d)); }
    void append(const Diagnostics& other);

    [[nodiscard]] bool has_errors() const;
    [[nodiscard]] const std::vector<Diagnostic>& items() const { return items_; }
    [[nodiscard]] bool empty() const { return items_.empty(); }

  private:
    std::vector<Diagnostic> items_;
};

/// Formats as `file:line:column: error|warning|info: message` plus an indented `hint:` line when
/// the diagnostic has a hint. Line and column are left out when unknown.
std::string format_diagnostic(const Diagnostic& d);

/// A short, stable name for the kind of message, for grouping in CI: the words of the message
/// before its first colon, without quoted values, parentheses and numbers, lower case, joined by
/// `-`, at most
/// six (`image 'x.png' not found` is `image-not-found`; `<script> is left out: …` is
/// `script-is-left-out`).
std::string diagnostic_code(const Diagnostic& d);

/// The diagnostics as a JSON array of objects with `file`, `line`, `column`, `severity`,
/// `code`, `message` and `hint`, one object per line, in order.
std::string diagnostics_json(const std::vector<Diagnostic>& items);

/// `value` in single quotes for a message, on one line: control characters are escaped (`\n`)
/// and a value over 80 characters is cut there with its length, `'aaaa…' (80,001 characters)`,
/// so a hostile front-matter value cannot flood the terminal.
std::string quote_value(std::string_view value);

}  // namespace broadside::core
