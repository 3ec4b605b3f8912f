#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace broadside::epub {

/// Re-serialises a raw HTML block as well-formed, safe XHTML flow content: known elements and
/// attributes only, `<br>` written `<br/>`, named entities as characters, comments dropped.
/// Returns nothing and sets `problem` (one sentence for a warning) when the block is not
/// well-formed, breaks HTML nesting rules, or holds anything unsafe (script, event handlers,
/// forms, embedded objects, `javascript:` links).
std::optional<std::string> sanitize_html_block(std::string_view html, std::string& problem);

/// Checks the raw HTML tags of one inline container (a paragraph, an emphasis, a link…) as
/// cmark delivers them: one tag per fragment. Tags are kept only when they are known, safe
/// phrasing elements that nest properly inside the container; anything else is dropped.
class InlineHtml {
  public:
    /// `inside_link` forbids `<a>` (links do not nest).
    explicit InlineHtml(bool inside_link) : inside_link_(inside_link) {}

    /// The XHTML to write for `fragment` (possibly empty). When the fragment is dropped for a
    /// reason worth a warning, `problem` is set to that reason.
    std::string accept(std::string_view fragment, std::string& problem);

    /// Closing tags for elements still open at the end of the container, innermost first.
    std::string close_all();

    /// True while the fragments accepted so far leave an `<a>` open: Markdown links written
    /// inside it become their text, as links do not nest.
    [[nodiscard]] bool in_link() const;

  private:
    bool inside_link_;
    std::vector<std::string> open_;
    /// Start tags left out (with a warning), so their end tags go quietly: one problem, one
    /// warning.
    std::vector<std::string> dropped_;
};

}  // namespace broadside::epub
