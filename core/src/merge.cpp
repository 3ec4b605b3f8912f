// Mail-merge placeholders: `{{field}}` and `{{field|default}}` filled in on the parsed model,
// so inserted values can never change the document's structure.
#include "broadside/core/merge.hpp"

#include <cctype>

#include "broadside/core/diagnostics.hpp"
#include "broadside/core/model_walk.hpp"
#include "broadside/core/overloaded.hpp"

namespace broadside::core {
namespace {

using TextFn = std::function<void(std::string& text, const SourceSpan& span)>;

// Calls `fn` for every string a reader sees or a link follows: front-matter strings, text,
// link URLs, image sources and alt texts.
class TextWalker {
  public:
    explicit TextWalker(const TextFn& fn) : fn_(fn) {}

    void document(Document& doc) {
        MetaMap values = doc.meta.values();
        for (auto& [key, value] : values) {
            meta(value);
            doc.meta.set(key, value);
        }
        // Phrases (<sup>, <abbr>…) and every other container are walked too.
        walk_blocks(
            doc.blocks, [](Block&) {},
            [&](Inline& in) {
                std::visit(overloaded{
                               [&](Text& t) { fn_(t.text, in.span); },
                               [&](Link& l) { fn_(l.url, in.span); },
                               [&](Image& img) {
                                   fn_(img.source, in.span);
                                   fn_(img.alt, in.span);
                               },
                               [](auto&) {},  // code stays as written; containers' text is walked
                           },
                           in.node);
            });
    }

  private:
    void meta(MetaValue& v) {
        if (auto* s = std::get_if<std::string>(&v.value)) fn_(*s, v.span);
        if (auto* list = std::get_if<MetaList>(&v.value))
            for (auto& item : *list) meta(item);
        if (auto* map = std::get_if<MetaMap>(&v.value))
            for (auto& [k, item] : *map) meta(item);
    }

    const TextFn& fn_;
};

struct Placeholder {
    std::size_t begin, end;  // [begin, end) covers `{{…}}`
    std::string name;
    std::optional<std::string> fallback;
};

bool valid_name(std::string_view name) {
    if (name.empty()) return false;
    for (char c : name)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.'))
            return false;
    return true;
}

std::string trim(std::string_view s) {
    auto b = s.find_first_not_of(' ');
    if (b == std::string_view::npos) return {};
    return std::string(s.substr(b, s.find_last_not_of(' ') - b + 1));
}

std::optional<Placeholder> next_placeholder(const std::string& s, std::size_t from) {
    for (std::size_t open = s.find("{{", from); open != std::string::npos;
         open = s.find("{{", open + 2)) {
        std::size_t close = s.find("}}", open + 2);
        if (close == std::string::npos) return std::nullopt;
        std::string_view inner(s.data() + open + 2, close - open - 2);
        auto bar = inner.find('|');
        Placeholder p{open, close + 2, trim(inner.substr(0, bar)), std::nullopt};
        if (bar != std::string_view::npos) p.fallback = trim(inner.substr(bar + 1));
        if (valid_name(p.name)) return p;
    }
    return std::nullopt;
}

}  // namespace

bool fill_fields(Document& doc, const FieldLookup& lookup, const std::string& record,
                 Diagnostics& diags) {
    bool ok = true;
    const std::string path = doc.source_path;
    TextWalker([&](std::string& s, const SourceSpan& span) {
        std::string out;
        std::size_t pos = 0;
        while (auto p = next_placeholder(s, pos)) {
            out.append(s, pos, p->begin - pos);
            auto value = lookup(p->name);
            if (!value && !p->fallback) {
                ok = false;
                diags.error(path, span.line, span.column,
                            record + " has no field " + quote_value(p->name),
                            "add a " + quote_value(p->name) +
                                " column to the data, or give a default: {{" + p->name + "|…}}");
            }
            out += value ? *value : p->fallback.value_or("");
            pos = p->end;
        }
        if (pos == 0) return;
        out.append(s, pos);
        s = std::move(out);
    }).document(doc);
    return ok;
}

bool has_fields(const Document& doc) {
    bool found = false;
    // The walker hands out mutable strings; this callback only reads, so a copy is walked.
    Document copy = doc;
    TextWalker([&](std::string& s, const SourceSpan&) {
        found = found || next_placeholder(s, 0).has_value();
    }).document(copy);
    return found;
}

}  // namespace broadside::core
