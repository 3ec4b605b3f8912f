#include "site_templates.hpp"

#include <algorithm>
#include <filesystem>
#include <vector>

#include "broadside/core/input_file.hpp"
#include "broadside/core/limits.hpp"

namespace broadside::core {
namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

// A tag's words: `figure src="/a b.png" title='T'` gives `figure`, `src=/a b.png`, `title=T`.
std::vector<std::string> words_of(std::string_view s) {
    std::vector<std::string> words;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && is_space(s[i])) ++i;
        if (i == s.size()) break;
        std::string word;
        while (i < s.size() && !is_space(s[i])) {
            if (s[i] == '"' || s[i] == '\'') {
                const std::size_t close = s.find(s[i], i + 1);
                const std::size_t end = close == std::string_view::npos ? s.size() : close;
                word.append(s.substr(i + 1, end - i - 1));
                i = end == s.size() ? end : end + 1;
            } else {
                word += s[i++];
            }
        }
        words.push_back(std::move(word));
    }
    return words;
}

// `key=value` among a shortcode's words; `position` counts the unnamed ones (`{{< youtube ID >}}`).
std::string argument(const std::vector<std::string>& words, std::string_view key,
                     std::size_t position = 0) {
    std::size_t unnamed = 0;
    for (std::size_t i = 1; i < words.size(); ++i) {
        const std::size_t eq = words[i].find('=');
        if (eq == std::string::npos) {
            if (++unnamed == position) return words[i];
        } else if (std::string_view(words[i]).substr(0, eq) == key) {
            return words[i].substr(eq + 1);
        }
    }
    return {};
}

std::string fence_for(std::string_view code) {
    std::size_t longest = 0, run = 0;
    for (char c : code) {
        run = c == '`' ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    return std::string(std::max<std::size_t>(3, longest + 1), '`');
}

// A link to another post by its name: the book's link resolver finds the chapter by the last
// path segment, whatever folder or date prefix the site gives it.
std::string post_link(std::string_view target) {
    std::string fragment;
    if (const std::size_t hash = target.find('#'); hash != std::string_view::npos) {
        fragment = std::string(target.substr(hash));
        target = target.substr(0, hash);
    }
    std::string name(target.substr(target.find_last_of('/') + 1));
    for (std::string_view ext : {".markdown", ".md", ".html"})
        if (name.ends_with(ext)) name.resize(name.size() - ext.size());
    if (name.empty()) return fragment;
    return "/" + name + "/" + fragment;
}

// The objects Jekyll gives Liquid (`site.title`, `page.date`, `include.x`); other names are
// mail-merge fields, which share the `{{…}}` syntax.
bool is_liquid_object(std::string_view value) {
    const std::string_view root = value.substr(0, value.find_first_of(".[ "));
    for (std::string_view object :
         {"site", "page", "post", "paginator", "include", "layout", "jekyll", "content", "forloop"})
        if (root == object) return true;
    return false;
}

// Delimiters of the three kinds of tag.
struct Syntax {
    std::string_view open, close;
    std::size_t slot;  ///< its entry in Expander::next_close_
};
constexpr Syntax liquid_tag{"{%", "%}", 0};
constexpr Syntax liquid_output{"{{", "}}", 1};
constexpr Syntax shortcode{"{{<", ">}}", 2};
constexpr Syntax markdown_shortcode{"{{%", "%}}", 3};

class Expander {
  public:
    Expander(std::string_view body, int first_line, const Meta& page, const std::string& path,
             Diagnostics& diags, ReadCounts& counts, const Site* site, int depth = 0)
        : body_(body),
          line_(first_line),
          page_(page),
          path_(path),
          diags_(diags),
          counts_(counts),
          site_(site),
          depth_(depth) {}

    std::string run() {
        while (pos_ < body_.size()) {
            const std::size_t brace = body_.find('{', pos_);
            if (brace == std::string_view::npos) break;
            copy_to(brace);
            if (!expand_tag_at(brace)) copy_to(brace + 1);
        }
        copy_to(body_.size());
        return std::move(out_);
    }

  private:
    // The tag of `syntax` starting at `at`: the end of its closing delimiter and its trimmed
    // inside (Liquid's `-` whitespace control removed), or nothing when it is not closed.
    struct Found {
        std::size_t end = 0;
        std::string_view inner;
    };
    std::optional<Found> tag_at(std::size_t at, const Syntax& syntax) {
        if (body_.substr(at, syntax.open.size()) != syntax.open) return std::nullopt;
        // Where the next closing delimiter is, cached: `pos_` only moves forward, so scanning
        // for closers stays linear even in a file of a million unclosed `{{`.
        auto& cached = next_close_[syntax.slot];
        const std::size_t from = at + syntax.open.size();
        if (cached != std::string_view::npos && cached < from)
            cached = body_.find(syntax.close, from);
        if (cached == std::string_view::npos) return std::nullopt;
        std::string_view inner = body_.substr(from, cached - from);
        if (inner.starts_with('-')) inner.remove_prefix(1);
        if (inner.ends_with('-')) inner.remove_suffix(1);
        return Found{cached + syntax.close.size(), trim(inner)};
    }

    // The next `{% name %}` (or `{{< /name >}}` for shortcodes) at or after `from`.
    std::optional<std::pair<std::size_t, Found>> find_end(std::size_t from, const Syntax& syntax,
                                                          std::string_view name) {
        for (std::size_t at = body_.find(syntax.open, from); at != std::string_view::npos;
             at = body_.find(syntax.open, at + 1)) {
            auto found = tag_at(at, syntax);
            if (!found) return std::nullopt;
            std::string_view inner = found->inner;
            if (inner.starts_with('/')) {  // `{{< / highlight >}}` ends it too
                inner = trim(inner.substr(1));
                if (name.starts_with('/') && inner == name.substr(1))
                    return std::make_pair(at, *found);
            } else if (inner == name) {
                return std::make_pair(at, *found);
            }
        }
        return std::nullopt;
    }

    bool expand_tag_at(std::size_t at) {
        if (auto t = tag_at(at, shortcode)) return expand_shortcode(at, *t, shortcode), true;
        if (auto t = tag_at(at, markdown_shortcode))
            return expand_shortcode(at, *t, markdown_shortcode), true;
        if (auto t = tag_at(at, liquid_tag)) return expand_liquid_tag(at, *t), true;
        if (auto t = tag_at(at, liquid_output)) return expand_liquid_output(at, *t);
        return false;
    }

    void expand_liquid_tag(std::size_t at, const Found& tag) {
        const auto words = words_of(tag.inner);
        const std::string name = words.empty() ? std::string() : words.front();
        pos_ = tag.end;
        ++counts_.template_tags;
        if (name == "raw" || name == "comment") {
            const std::string end_name = "end" + name;
            auto end = find_end(tag.end, liquid_tag, end_name);
            if (!end) return unclosed(at, "{% " + name + " %} has no {% " + end_name + " %}");
            if (name == "raw")
                out_.append(body_.substr(tag.end, end->first - tag.end));
            else
                keep_lines(body_.substr(tag.end, end->first - tag.end));
            pos_ = end->second.end;
        } else if (name == "highlight") {
            auto end = find_end(tag.end, liquid_tag, "endhighlight");
            if (!end) return unclosed(at, "{% highlight %} has no {% endhighlight %}");
            code_block(words.size() > 1 ? words[1] : std::string(),
                       body_.substr(tag.end, end->first - tag.end));
            pos_ = end->second.end;
        } else if (name == "link" && words.size() > 1) {
            out_ += words[1].starts_with("_posts/") ? post_link(words[1]) : "/" + words[1];
        } else if (name == "post_url" && words.size() > 1) {
            out_ += post_link(words[1]);
        } else if (name == "include" && words.size() > 1 && include(at, words[1])) {
            // the included text is in place
        } else {
            warn(at, "Liquid tag {% " + name + " %} is not run; left out",
                 name == "include" ? "write the included text into the post"
                                   : "Jekyll runs it when it builds the site; write its result");
        }
    }

    // `{% include name %}`: the site's `_includes/name`, its own tags expanded in turn (to a
    // bounded depth, as an include that includes itself would never end). False when the
    // file is not there, so the caller warns.
    bool include(std::size_t at, const std::string& name) {
        if (!site_ || depth_ >= 4 || name.find("..") != std::string::npos) return false;
        const std::filesystem::path file = std::filesystem::path(site_->root) / "_includes" / name;
        std::error_code ec;
        if (!std::filesystem::is_regular_file(file, ec)) return false;
        Diagnostics local;
        auto text = read_input_file(file.string(), Limits{}.max_file_bytes, "include", local);
        if (!text) {
            warn(at, "{% include " + name + " %} cannot be read; left out");
            return true;
        }
        out_ += Expander(*text, 1, page_, file.string(), diags_, counts_, site_, depth_ + 1).run();
        return true;
    }

    bool expand_liquid_output(std::size_t at, const Found& tag) {
        std::string_view expr = tag.inner;
        const std::size_t pipe = expr.find('|');
        const std::string_view value = trim(expr.substr(0, pipe));
        const bool literal = value.size() >= 2 && (value.front() == '"' || value.front() == '\'');
        if (!literal && !is_liquid_object(value))
            return false;  // `{{name}}`, `{{signatories.count}}`: mail-merge fields, filled later
        pos_ = tag.end;
        ++counts_.template_tags;
        std::optional<std::string> text;
        if (literal && value.back() == value.front()) {
            text = std::string(value.substr(1, value.size() - 2));
        } else if (value.starts_with("page.")) {
            if (const MetaValue* v = page_.find(value.substr(5)); v && !v->to_text().empty())
                text = v->to_text();
        } else if (value.starts_with("site.") && site_) {
            text = site_->value(value.substr(5));
            // Unset, Jekyll's `baseurl` and `url` are empty: links still work without them.
            if (!text && (value == "site.baseurl" || value == "site.url")) text = std::string();
        }
        if (!text) {
            warn(at, "Liquid {{ " + std::string(value) + " }} is not known here; left out",
                 "write its value into the post");
            return true;
        }
        out_ += pipe == std::string_view::npos ? *text : filtered(*text, expr.substr(pipe));
        return true;
    }

    // Jekyll's address filters; other filters (`escape`, `date_to_string`) change only how a
    // value looks, so the value stays as it is.
    std::string filtered(std::string text, std::string_view filters) const {
        const std::string base = site_ ? site_->base_path : std::string();
        for (const auto& word : words_of(filters)) {
            if (word == "relative_url" && text.starts_with('/')) text = base + text;
            if (word == "absolute_url" && text.starts_with('/'))
                text = (site_ ? site_->origin : std::string()) + base + text;
        }
        return text;
    }

    void expand_shortcode(std::size_t at, const Found& tag, const Syntax& syntax) {
        pos_ = tag.end;
        std::string_view inner = tag.inner;
        if (inner.starts_with("/*") && inner.ends_with("*/")) {  // `{{</* x */>}}` shows the tag
            out_ += std::string(syntax.open) + " " +
                    std::string(trim(inner.substr(2, inner.size() - 4))) + " " +
                    std::string(syntax.close);
            return;
        }
        if (inner.starts_with('/')) return;  // the end of a shortcode whose content stays
        ++counts_.template_tags;
        const auto words = words_of(inner);
        const std::string name = words.empty() ? std::string() : words.front();
        if (name == "figure") {
            const std::string caption = argument(words, "caption");
            std::string alt = argument(words, "alt");
            if (alt.empty()) alt = caption.empty() ? argument(words, "title") : caption;
            out_ += "![" + alt + "](" + argument(words, "src") + ")";
        } else if (name == "ref" || name == "relref") {
            out_ += post_link(argument(words, "path", 1));
        } else if (name == "highlight") {
            auto end = find_end(tag.end, syntax, "/highlight");
            if (!end) return unclosed(at, "shortcode {{< highlight >}} has no {{< /highlight >}}");
            code_block(argument(words, "", 1), body_.substr(tag.end, end->first - tag.end));
            pos_ = end->second.end;
        } else if (name == "youtube" || name == "vimeo") {
            std::string id = argument(words, "id");
            if (id.empty()) id = argument(words, "", 1);
            std::string title = argument(words, "title");
            const bool youtube = name == "youtube";
            if (title.empty()) title = (youtube ? "YouTube video " : "Vimeo video ") + id;
            out_ += "[" + title + "](" +
                    (youtube ? "https://www.youtube.com/watch?v=" : "https://vimeo.com/") + id +
                    ")";
        } else {
            warn(at, "Hugo shortcode {{< " + name + " >}} is not known; left out",
                 "Hugo runs it when it builds the site; write its result into the post");
        }
    }

    // A block tag without its end: the rest of the post as it is written, which also keeps
    // a file of a million unclosed tags from being searched a million times.
    void unclosed(std::size_t at, const std::string& problem) {
        warn(at, problem + "; the rest of the post is kept as written");
        copy_to(body_.size());
    }

    // A fenced code block on lines of its own, so the lines after it stay where they were.
    void code_block(const std::string& language, std::string_view code) {
        if (!out_.empty() && out_.back() != '\n') out_ += '\n';
        const std::string fence = fence_for(code);
        out_ += fence + language;
        if (!code.starts_with('\n')) out_ += '\n';
        out_.append(code);
        if (!code.ends_with('\n')) out_ += '\n';
        out_ += fence;
    }

    // Left-out text keeps its line breaks, so later lines keep their numbers.
    void keep_lines(std::string_view text) {
        out_.append(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')), '\n');
    }

    void copy_to(std::size_t end) {
        if (end > pos_) out_.append(body_.substr(pos_, end - pos_));
        pos_ = std::max(pos_, end);
    }

    void warn(std::size_t at, std::string message, std::string hint = {}) {
        // Lines are counted forward from the last warning: warnings come in file order.
        line_ += static_cast<int>(std::count(body_.begin() + counted_, body_.begin() + at, '\n'));
        counted_ = at;
        const std::size_t line_end = at == 0 ? std::string_view::npos : body_.rfind('\n', at - 1);
        const std::size_t line_start = line_end == std::string_view::npos ? 0 : line_end + 1;
        const int column = static_cast<int>(at - line_start) + 1;
        diags_.warning(path_, line_, column, std::move(message), std::move(hint));
        ++counts_.template_tags_left_out;
    }

    std::string_view body_;
    int line_;
    std::size_t counted_ = 0;
    const Meta& page_;
    const std::string& path_;
    Diagnostics& diags_;
    ReadCounts& counts_;
    const Site* site_;
    int depth_;
    std::size_t pos_ = 0;
    std::string out_;
    std::size_t next_close_[4] = {0, 0, 0, 0};
};

}  // namespace

std::string expand_site_templates(std::string_view body, int first_line, const Meta& page,
                                  const std::string& path, Diagnostics& diags, ReadCounts& counts,
                                  const Site* site) {
    if (body.find("{%") == std::string_view::npos && body.find("{{") == std::string_view::npos)
        return std::string(body);
    return Expander(body, first_line, page, path, diags, counts, site).run();
}

}  // namespace broadside::core
