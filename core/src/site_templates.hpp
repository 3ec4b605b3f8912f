// The template syntax static site generators let posts hold, resolved before the Markdown is
// parsed: Jekyll's Liquid (`{% raw %}`, `{% highlight %}`, `{% link %}`, `{% post_url %}`,
// `{{ page.x }}`, `{{ "/x/" | relative_url }}`) and Hugo's shortcodes (`figure`, `ref`,
// `relref`, `highlight`, `youtube`, `vimeo`). Both generators expand them before Markdown, in
// code blocks too, which is why `{% raw %}` exists; so does this.
#pragma once

#include <string>
#include <string_view>

#include "broadside/core/diagnostics.hpp"
#include "broadside/core/document.hpp"
#include "broadside/core/meta.hpp"
#include "broadside/core/site.hpp"

namespace broadside::core {

/// `body` with every template tag resolved or left out. A tag that cannot be resolved here (an
/// `{% if %}`, an `{% include %}`, `{{ site.title }}`, an unknown shortcode) is one warning at
/// its line and column naming it, and its text never reaches the book; the content between a
/// block tag and its end stays. `{{…}}` is Liquid only for Jekyll's objects (`site`, `page`,
/// `include`, …) and quoted strings; others (`{{name}}`, `{{signatories.count}}`,
/// `{{topic|default}}`) are mail-merge fields, left alone. Lines are kept where they were, so later messages point at the file's
/// lines. `first_line` is the body's first line in the file; `page` answers `{{ page.x }}`;
/// `site`, when known, answers `{{ site.x }}`, the `relative_url` and `absolute_url` filters
/// and `{% include name %}` (the file `_includes/name` of the site). Every tag met is counted in
/// `counts`, and so is every one left out.
std::string expand_site_templates(std::string_view body, int first_line, const Meta& page,
                                  const std::string& path, Diagnostics& diags, ReadCounts& counts,
                                  const Site* site = nullptr);

}  // namespace broadside::core
