// Loads style files with yaml-cpp and resolves them into a Style: each file is applied on top
// of the one it extends, and every key is checked so a typo is an error, not a silent default.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <vector>

#include "broadside/core/diagnostics.hpp"
#include "broadside/core/input_file.hpp"
#include "broadside/core/installed_file.hpp"
#include "broadside/styles/style.hpp"
#include "broadside/styles/words.hpp"
#include "length.hpp"

namespace broadside::styles {
namespace {

namespace fs = std::filesystem;

constexpr int max_extends_depth = 8;

struct Source {
    std::string path;
    core::Diagnostics& diags;
    /// Set for a style a document named: the files it names must lie where the document may
    /// read. Null for a style the user named on the command line, which may name any file.
    const core::ResourcePolicy* sandbox = nullptr;
    bool failed = false;

    void error(const YAML::Node& at, const std::string& message, const std::string& hint = {}) {
        failed = true;
        diags.error(path, at.Mark().line >= 0 ? at.Mark().line + 1 : 0,
                    at.Mark().column >= 0 ? at.Mark().column + 1 : 0, message, hint);
    }
};

using Setter = std::function<void(const YAML::Node&, const std::string& key, Source&)>;
using Section = std::map<std::string, Setter>;

std::string scalar(const YAML::Node& n) {
    return n.IsScalar() ? n.Scalar() : std::string();
}

Setter length(double& field) {
    return [&field](const YAML::Node& n, const std::string& key, Source& src) {
        auto v = parse_length(scalar(n));
        if (!v)
            return src.error(n, "style key " + core::quote_value(key) + " must be a length",
                             "e.g. 10.5pt or 25mm");
        field = *v;
    };
}

Setter boolean(bool& field) {
    return [&field](const YAML::Node& n, const std::string& key, Source& src) {
        std::string s = scalar(n);
        if (s == "true" || s == "false") {
            field = s == "true";
            return;
        }
        src.error(n, "style key " + core::quote_value(key) + " must be true or false");
    };
}

Setter count(int& field, int least, int most) {
    return [&field, least, most](const YAML::Node& n, const std::string& key, Source& src) {
        const std::string s = scalar(n);
        int v = 0;
        auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
        if (ec != std::errc() || end != s.data() + s.size() || v < least || v > most)
            return src.error(n, "style key " + core::quote_value(key) +
                                    " must be a whole number from " + std::to_string(least) +
                                    " to " + std::to_string(most));
        field = v;
    };
}

Setter text(std::string& field) {
    return [&field](const YAML::Node& n, const std::string& key, Source& src) {
        if (!n.IsScalar() || n.Scalar().empty())
            return src.error(n, "style key " + core::quote_value(key) + " must be a name");
        field = n.Scalar();
    };
}

Setter color(Color& field) {
    return [&field](const YAML::Node& n, const std::string& key, Source& src) {
        std::string s = scalar(n);
        unsigned r, g, b;
        char tail;
        if (s.size() != 7 || std::sscanf(s.c_str(), "#%2x%2x%2x%c", &r, &g, &b, &tail) != 3)
            return src.error(
                n, "style key " + core::quote_value(key) + " must be a colour like \"#1a1a1a\"",
                "quote it: a bare # starts a YAML comment");
        field = {static_cast<int>(r), static_cast<int>(g), static_cast<int>(b)};
    };
}

Section text_style(TextStyle& t) {
    return {{"family", text(t.family)},
            {"size", length(t.size)},
            {"leading", length(t.leading)},
            {"bold", boolean(t.bold)},
            {"italic", boolean(t.italic)},
            {"color", color(t.color)},
            {"space-before", length(t.space_before)},
            {"space-after", length(t.space_after)}};
}

Setter section(Section keys) {
    return [keys = std::move(keys)](const YAML::Node& n, const std::string& key, Source& src) {
        if (!n.IsMap())
            return src.error(n, "style key " + core::quote_value(key) + " must be a map of keys");
        for (const auto& kv : n) {
            std::string name = scalar(kv.first);
            std::string full = key.empty() ? name : key + "." + name;
            auto it = keys.find(name);
            if (it == keys.end()) {
                std::string known;
                for (const auto& [k, _] : keys) known += (known.empty() ? "" : ", ") + k;
                src.error(kv.first, "unknown style key " + core::quote_value(full),
                          "known keys here: " + known);
                continue;
            }
            it->second(kv.second, full, src);
        }
    };
}

Setter page_size(Style& s) {
    return [&s](const YAML::Node& n, const std::string& key, Source& src) {
        if (n.IsSequence() && n.size() == 2) {
            auto w = parse_length(scalar(n[0])), h = parse_length(scalar(n[1]));
            if (w && h && *w > 0 && *h > 0) {
                s.page_width = *w;
                s.page_height = *h;
                return;
            }
        }
        std::string name = scalar(n);
        if (name == "A4") {
            s.page_width = 595.276;
            s.page_height = 841.89;
        } else if (name == "Letter") {
            s.page_width = 612;
            s.page_height = 792;
        } else {
            src.error(n, "style key " + core::quote_value(key) +
                             " must be A4, Letter or [width, height]");
        }
    };
}

Setter font_chains(FontChains& chains) {
    return [&chains](const YAML::Node& n, const std::string& key, Source& src) {
        if (!n.IsMap())
            return src.error(n,
                             "style key " + core::quote_value(key) + " must be a map of scripts");
        static const std::vector<std::string> scripts = {"latn", "cyrl", "grek", "hans",
                                                         "hant", "arab", "tibt", "mono"};
        for (const auto& kv : n) {
            std::string script = scalar(kv.first);
            if (std::find(scripts.begin(), scripts.end(), script) == scripts.end()) {
                src.error(
                    kv.first,
                    "unknown script " + core::quote_value(script) + " in " + core::quote_value(key),
                    "use latn, cyrl, grek, hans, hant, arab, tibt or mono");
                continue;
            }
            std::vector<std::string> families;
            if (kv.second.IsScalar()) families.push_back(kv.second.Scalar());
            if (kv.second.IsSequence())
                for (const auto& f : kv.second) families.push_back(scalar(f));
            if (families.empty() || std::count(families.begin(), families.end(), "") > 0) {
                src.error(kv.second, "fonts for " + core::quote_value(script) +
                                         " must be a family name or a list");
                continue;
            }
            chains[script] = families;
        }
    };
}

Setter lengths(std::vector<double>& field) {
    return [&field](const YAML::Node& n, const std::string& key, Source& src) {
        if (!n.IsSequence())
            return src.error(n,
                             "style key " + core::quote_value(key) + " must be a list of lengths");
        field.clear();
        for (const auto& item : n) {
            auto v = parse_length(scalar(item));
            if (!v)
                return src.error(item, "style key " + core::quote_value(key) + " must list lengths",
                                 "e.g. [87mm, 192mm]");
            field.push_back(*v);
        }
    };
}

// A file named by a style, relative to the style file's own folder.
Setter file_path(std::string& field) {
    return [&field](const YAML::Node& n, const std::string& key, Source& src) {
        if (!n.IsScalar() || n.Scalar().empty())
            return src.error(n, "style key " + core::quote_value(key) + " must be a file name");
        if (src.sandbox) {
            auto r =
                src.sandbox->resolve(n.Scalar(), fs::path(src.path).parent_path().string(), key);
            if (!r.ok) return src.error(n, r.problem);
            field = r.path;
            return;
        }
        fs::path p = fs::path(src.path).parent_path() / n.Scalar();
        if (!fs::is_regular_file(p))
            return src.error(n,
                             "style key " + core::quote_value(key) + ": no such file " +
                                 core::quote_value(p.string()),
                             "paths are relative to the style file");
        field = fs::absolute(p).lexically_normal().string();
    };
}

// Words over the language's table: only keys the tables have, each a non-empty text.
Setter word_overrides(std::map<std::string, std::string>& words) {
    return [&words](const YAML::Node& n, const std::string& key, Source& src) {
        if (!n.IsMap())
            return src.error(n, "style key " + core::quote_value(key) + " must be a map of words");
        const auto& known = word_keys();
        for (const auto& kv : n) {
            std::string word = scalar(kv.first);
            if (std::find(known.begin(), known.end(), word) == known.end()) {
                std::string list;
                for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
                src.error(
                    kv.first,
                    "unknown word " + core::quote_value(word) + " in " + core::quote_value(key),
                    "known words: " + list);
                continue;
            }
            if (!kv.second.IsScalar() || kv.second.Scalar().empty()) {
                src.error(kv.second,
                          "the word " + core::quote_value(key + "." + word) + " must be a text");
                continue;
            }
            words[word] = kv.second.Scalar();
        }
    };
}

// A `letter:` section makes the style a letter style.
Setter letter(LetterGeometry& g) {
    Setter keys = section({
        {"address-x", length(g.address_x)},
        {"address-y", length(g.address_y)},
        {"address-width", length(g.address_width)},
        {"address-height", length(g.address_height)},
        {"return-line-height", length(g.return_line_height)},
        {"notes-height", length(g.notes_height)},
        {"address-indent", length(g.address_indent)},
        {"address-clearance",
         [&g](const YAML::Node& n, const std::string& key, Source& src) {
             double clearance = 0;
             length(clearance)(n, key, src);
             g.address_clearance = clearance;
         }},
        {"address-lines", count(g.address_lines, 1, 9)},
        {"info-x", length(g.info_x)},
        {"info-y", length(g.info_y)},
        {"info-width", length(g.info_width)},
        {"body-top", length(g.body_top)},
        {"fold-marks", lengths(g.fold_marks)},
        {"hole-mark", length(g.hole_mark)},
        {"marks", boolean(g.marks)},
        {"letterhead", file_path(g.letterhead)},
    });
    return [&g, keys](const YAML::Node& n, const std::string& key, Source& src) {
        g.enabled = true;
        keys(n, key, src);
    };
}

Section style_schema(Style& s) {
    Section body = text_style(s.body);
    body["justify"] = boolean(s.justify);
    body["hyphenate"] = boolean(s.hyphenate);
    body["paragraph-spacing"] = length(s.paragraph_spacing);
    body["paragraph-indent"] = length(s.paragraph_indent);
    Section headings;
    for (int i = 0; i < 6; ++i)
        headings["h" + std::to_string(i + 1)] = section(text_style(s.headings[i]));
    return {
        {"page", section({{"size", page_size(s)},
                          {"margin-top", length(s.margin_top)},
                          {"margin-bottom", length(s.margin_bottom)},
                          {"margin-left", length(s.margin_left)},
                          {"margin-right", length(s.margin_right)},
                          {"numbers", boolean(s.page_numbers)},
                          {"running-head", boolean(s.running_head)}})},
        {"body", section(body)},
        {"headings", section(headings)},
        {"code", section(text_style(s.code))},
        {"footnote", section(text_style(s.footnote))},
        {"colors", section({{"link", color(s.link_color)}, {"rule", color(s.rule_color)}})},
        {"fonts", font_chains(s.fonts)},
        {"letter", letter(s.letter)},
        {"words", word_overrides(s.words)},
        // handled before the others, in apply_file
        {"extends", [](const YAML::Node&, const std::string&, Source&) {}},
    };
}

bool is_path(const std::string& name) {
    return name.find('/') != std::string::npos || fs::path(name).extension() == ".yaml" ||
           fs::path(name).extension() == ".yml";
}

std::string preset_list() {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(styles_folder(), ec))
        if (e.path().extension() == ".yaml") names.push_back(e.path().stem().string());
    std::sort(names.begin(), names.end());
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}

bool apply_file(const std::string& name, const std::string& relative_to, int depth, Style& style,
                core::Diagnostics& diags, const core::ResourcePolicy* sandbox) {
    std::string path = is_path(name) ? (fs::path(relative_to) / name).lexically_normal().string()
                                     : (fs::path(styles_folder()) / (name + ".yaml")).string();
    // Presets are ours and may extend only presets; a style file a document names is held to
    // the document's folder, and so is every file it extends.
    if (!is_path(name)) sandbox = nullptr;
    if (sandbox) {
        auto r = sandbox->resolve(name, relative_to, "style file");
        if (!r.ok) {
            diags.error(path, 0, 0, r.problem);
            return false;
        }
        path = r.path;
    }
    if (depth > max_extends_depth) {
        diags.error(path, 0, 0,
                    "style files extend each other more than " + std::to_string(max_extends_depth) +
                        " levels deep",
                    "check 'extends' for a cycle");
        return false;
    }
    // The error_code form: a name the OS refuses (too long, say) is "not found", not a throw.
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) {
        diags.error(
            path, 0, 0,
            is_path(name) ? "style file not found" : "unknown style " + core::quote_value(name),
            "the presets are: " + preset_list());
        return false;
    }
    const auto max_bytes = (sandbox ? sandbox->limits() : core::Limits{}).max_file_bytes;
    const auto text = core::read_input_file(path, max_bytes, "style file", diags);
    if (!text) return false;
    YAML::Node root;
    try {
        root = YAML::Load(*text);
    } catch (const YAML::Exception& e) {
        diags.error(path, e.mark.line + 1, e.mark.column + 1, "malformed YAML in style: " + e.msg);
        return false;
    }
    Source src{path, diags, sandbox};
    if (root.IsNull()) root = YAML::Node(YAML::NodeType::Map);
    if (!root.IsMap()) {
        src.error(root, "a style file must be a map of keys");
        return false;
    }
    // Every style builds on another; `default` is the root and extends nothing.
    bool is_default = !is_path(name) && name == "default";
    std::string base = root["extends"] ? scalar(root["extends"]) : (is_default ? "" : "default");
    if (!base.empty() &&
        !apply_file(base, fs::path(path).parent_path().string(), depth + 1, style, diags, sandbox))
        return false;
    section(style_schema(style))(root, "", src);
    return !src.failed;
}

}  // namespace

std::string Color::hex() const {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", r & 0xff, g & 0xff, b & 0xff);
    return buf;
}

std::string styles_folder() {
    const char* env = std::getenv("BROADSIDE_STYLES");
    if (env && *env) return env;
    // Found once: beside an installed program, else the source tree a build-tree program
    // belongs to, else where `cmake --install` put them (for programs that link the library).
    static const std::string found = [] {
        const fs::path preset = core::find_installed_file(
            {"share/broadside/styles/default.yaml", BROADSIDE_STYLES_DIR "/default.yaml",
             BROADSIDE_INSTALLED_STYLES_DIR "/default.yaml"});
        return preset.empty() ? std::string(BROADSIDE_STYLES_DIR) : preset.parent_path().string();
    }();
    return found;
}

std::optional<Style> style_for_document(const core::Document& doc,
                                        const std::vector<std::string>& resource_paths,
                                        const core::Limits& limits, core::Diagnostics& diags) {
    const auto named = doc.meta.style();
    if (!named) return load_style("default", diags);
    const std::string parent = fs::path(doc.source_path).parent_path().string();
    const std::string folder = parent.empty() ? std::string(".") : parent;
    const core::ResourcePolicy sandbox(folder, resource_paths, limits);
    return load_document_style(*named, folder, sandbox, diags);
}

std::optional<Style> load_style(const std::string& name_or_path, core::Diagnostics& diags) {
    Style style;
    if (!apply_file(name_or_path, fs::current_path().string(), 0, style, diags, nullptr))
        return std::nullopt;
    style.name = name_or_path;
    return style;
}

std::optional<Style> load_document_style(const std::string& name_or_path,
                                         const std::string& document_dir,
                                         const core::ResourcePolicy& sandbox,
                                         core::Diagnostics& diags) {
    Style style;
    if (!apply_file(name_or_path, document_dir, 0, style, diags, &sandbox)) return std::nullopt;
    style.name = name_or_path;
    return style;
}

}  // namespace broadside::styles
