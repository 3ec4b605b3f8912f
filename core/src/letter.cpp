// Letter fields from front matter (LETTERS.md): forgiving about shapes (a string, a list of
// lines or a map all work), strict about nothing a blog post lacks.
#include "broadside/core/letter.hpp"

#include <unicode/coll.h>
#include <unicode/locid.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <memory>
#include <string_view>

#include "broadside/core/postal_country.hpp"
#include "broadside/core/records.hpp"

namespace broadside::core {
namespace {

namespace fs = std::filesystem;

std::string text(const MetaValue* v) { return v ? v->to_text() : std::string(); }

// A string (split at line breaks), a list of scalars, or nothing.
std::vector<std::string> lines(const MetaValue* v) {
    std::vector<std::string> out;
    if (!v) return out;
    // A merged field may hold several lines ("Room 5\n88 Road"), in a list item or not.
    auto split = [&out](const std::string& s) {
        std::size_t start = 0;
        while (start <= s.size()) {
            auto end = s.find('\n', start);
            std::string line = s.substr(start, end == std::string::npos ? end : end - start);
            if (!line.empty()) out.push_back(line);
            if (end == std::string::npos) break;
            start = end + 1;
        }
    };
    if (const auto* list = v->as_list()) {
        for (const auto& item : *list) split(item.to_text());
        return out;
    }
    split(v->to_text());
    return out;
}

// The keys a letter reads. An unknown key one edit away from one of them is a typo worth a
// warning (`signature`, `subjet`, `encls`); other unknown keys are a blog engine's own and
// stay silent.
constexpr std::array<std::string_view, 18> letter_keys = {
    "style",   "lang",    "title",   "from",       "letterhead",  "to",
    "notes",   "date",    "place",   "refs",       "subject",     "opening",
    "closing", "signatures", "signatories", "cc",  "encl",        "ps"};

// Keys every document may have; never typos of a letter key.
constexpr std::array<std::string_view, 9> document_keys = {
    "author", "authors", "excerpt", "description", "image", "tags", "categories", "draft",
    "layout"};

// One insertion, deletion, substitution or swap of neighbours turns `a` into `b`.
bool one_edit_apart(std::string_view a, std::string_view b) {
    if (a == b) return false;
    if (a.size() > b.size()) std::swap(a, b);
    if (b.size() - a.size() > 1) return false;
    std::size_t i = 0;
    while (i < a.size() && a[i] == b[i]) ++i;
    if (a.size() < b.size()) return a.substr(i) == b.substr(i + 1);
    if (a.substr(i + 1) == b.substr(i + 1)) return true;
    return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] &&
           a.substr(i + 2) == b.substr(i + 2);
}

class LetterReader {
public:
    LetterReader(const Document& doc, const ResourcePolicy& resources, Diagnostics& diags)
        : doc_(doc), meta_(doc.meta), resources_(resources), diags_(diags),
          dir_(fs::path(doc.source_path).parent_path().string()) {}

    std::optional<Letter> read() {
        near_misses();
        Letter l;
        sender(l);
        letterhead(l);
        l.recipient = lines(meta_.find("to"));
        if (l.recipient.empty())
            warn(meta_.find("to"), "the letter has no recipient; the address field stays empty",
                 "add 'to:' with the address lines, one per list item");
        l.lang = meta_.lang().value_or("en");
        country_line(l);
        l.notes = text(meta_.find("notes"));
        l.date = meta_.date();
        l.place = text(meta_.find("place"));
        if (const auto* refs = meta_.find("refs"); refs && refs->as_map())
            for (const auto& [k, v] : *refs->as_map())
                if (auto t = v.to_text(); !t.empty()) l.references.emplace_back(k, t);
        l.subject = text(meta_.find("subject"));
        if (l.subject.empty()) l.subject = meta_.title().value_or("");
        l.opening = text(meta_.find("opening"));
        l.closing = text(meta_.find("closing"));
        signatures(l);
        if (!signatories(l)) return std::nullopt;
        l.cc = lines(meta_.find("cc"));
        l.enclosures = lines(meta_.find("encl"));
        l.postscript = text(meta_.find("ps"));
        return l;
    }

private:
    void warn(const MetaValue* at, const std::string& message, const std::string& hint) {
        diags_.warning(doc_.source_path, at ? at->span.line : 1, at ? at->span.column : 1, message,
                       hint);
    }

    std::string resolve(const MetaValue& v, std::string_view what) {
        std::string ref = v.to_text();
        if (ref.empty()) return {};
        auto r = resources_.resolve(ref, dir_, what);
        if (!r.ok) warn(&v, r.problem, "");
        return r.ok ? r.path : std::string();
    }

    void near_misses() {
        auto known = [](const std::string& key) {
            return std::find(letter_keys.begin(), letter_keys.end(), key) != letter_keys.end() ||
                   std::find(document_keys.begin(), document_keys.end(), key) !=
                       document_keys.end();
        };
        for (const auto& [key, value] : meta_.values()) {
            if (known(key)) continue;
            // Two-letter keys (to, cc, ps) are one edit from too many words to guess at.
            for (std::string_view letter_key : letter_keys)
                if (letter_key.size() > 2 && one_edit_apart(key, letter_key)) {
                    warn(&value, "unknown key " + quote_value(key) + " is ignored; did you mean '" +
                                     std::string(letter_key) + "'?",
                         "rename it to '" + std::string(letter_key) + "'");
                    break;
                }
        }
    }

    void sender(Letter& l) {
        const MetaValue* from = meta_.find("from");
        if (!from) {
            warn(nullptr, "the letter has no sender; the return-address line stays empty",
                 "add 'from:' with 'name:' and 'address:' lines");
            return;
        }
        if (from->as_map()) {
            l.sender_name = text(from->find("name"));
            l.sender_address = lines(from->find("address"));
            for (const char* key : {"phone", "email", "url"})
                if (auto t = text(from->find(key)); !t.empty()) l.sender_contact.push_back(t);
            l.return_line = text(from->find("return-line"));
            for (const auto& [k, v] : *from->as_map())
                if (k != "name" && k != "address" && k != "phone" && k != "email" && k != "url" &&
                    k != "return-line")
                    warn(&v, "unknown key 'from." + k + "' is ignored",
                         "known keys: name, address, return-line, phone, email, url");
        } else {
            auto all = lines(from);
            if (!all.empty()) {
                l.sender_name = all.front();
                l.sender_address.assign(all.begin() + 1, all.end());
            }
        }
        if (l.return_line.empty() && !l.sender_name.empty()) {
            l.return_line = l.sender_name;
            for (const auto& a : l.sender_address) l.return_line += " \xC2\xB7 " + a;  // " · "
        }
    }

    // International mail ends with the destination country in capitals (UPU practice; USPS too):
    // a last address line that names a country other than the sender's is set in capitals.
    // Domestic mail names no country; a letter that does is told so.
    void country_line(Letter& l) {
        if (l.recipient.size() < 2) return;
        auto to = country_named_by(l.recipient.back(), l.lang);
        if (!to) return;
        std::optional<std::string> from;
        if (!l.sender_address.empty()) from = country_named_by(l.sender_address.back(), l.lang);
        if (from == to) {
            const MetaValue* at = meta_.find("to");
            diags_.info(doc_.source_path, at ? at->span.line : 1, at ? at->span.column : 1,
                        "the address ends with " + quote_value(l.recipient.back()) +
                            ", the sender's own country; domestic mail names no country",
                        "remove the country line from 'to:'");
            return;
        }
        l.recipient.back() = postal_capitals(l.recipient.back(), l.lang);
    }

    void letterhead(Letter& l) {
        const MetaValue* head = meta_.find("letterhead");
        if (head && head->as_map()) {
            if (const auto* image = head->find("image")) l.letterhead_image = resolve(*image, "letterhead");
            l.letterhead_text = lines(head->find("text"));
        } else if (head && head->as_string()) {
            std::string ext = fs::path(*head->as_string()).extension().string();
            if (ext == ".png" || ext == ".jpg" || ext == ".jpeg" || ext == ".PNG" || ext == ".JPG")
                l.letterhead_image = resolve(*head, "letterhead");
            else
                l.letterhead_text = lines(head);
        } else if (head) {
            l.letterhead_text = lines(head);
        }
        if (l.letterhead_image.empty() && l.letterhead_text.empty() && !l.sender_name.empty())
            l.letterhead_text.push_back(l.sender_name);
    }

    void signatures(Letter& l) {
        const MetaValue* sigs = meta_.find("signatures");
        if (!sigs) return;
        std::vector<const MetaValue*> items;
        if (const auto* list = sigs->as_list())
            for (const auto& item : *list) items.push_back(&item);
        else
            items.push_back(sigs);
        for (const MetaValue* item : items) {
            Signature s;
            if (item->as_map()) {
                s.name = text(item->find("name"));
                s.title = text(item->find("title"));
                s.org = text(item->find("org"));
                if (const auto* image = item->find("image")) s.image = resolve(*image, "signature image");
            } else {
                s.name = item->to_text();
            }
            if (!s.name.empty()) l.signatures.push_back(std::move(s));
        }
    }

    bool signatories(Letter& l) {
        const MetaValue* v = meta_.find("signatories");
        if (!v) return true;
        std::vector<std::pair<std::string, std::string>> members;  // group, name
        const MetaValue* list = v->as_list() ? v : v->find("list");
        if (list && list->as_list())
            for (const auto& item : *list->as_list())
                members.emplace_back(text(item.find("group")),
                                     item.as_map() ? text(item.find("name")) : item.to_text());
        std::string sort = "alpha", group_by;
        if (v->as_map()) {
            if (auto c = text(v->find("columns")); !c.empty()) {
                int n = std::atoi(c.c_str());
                if (n < 1 || n > 3) warn(v->find("columns"), "'signatories.columns' must be 1, 2 or 3", "");
                else l.signatories.columns = n;
            }
            if (auto s = text(v->find("sort")); !s.empty()) sort = s;
            group_by = text(v->find("group-by"));
            if (const auto* file = v->find("file"); file && !file_members(*file, group_by, members))
                return false;
        }
        members.erase(std::remove_if(members.begin(), members.end(),
                                     [](const auto& m) { return m.second.empty(); }),
                      members.end());
        if (sort == "alpha") sort_members(members, l.lang.empty() ? "en" : l.lang);
        for (auto& [group, name] : members) {
            auto it = std::find_if(
                l.signatories.groups.begin(), l.signatories.groups.end(),
                // named capture: clang 14 cannot capture a binding
                [&wanted = group](const SignatoryGroup& g) { return g.name == wanted; });
            if (it == l.signatories.groups.end()) {
                l.signatories.groups.push_back({group, {}});
                it = std::prev(l.signatories.groups.end());
            }
            it->members.push_back(name);
        }
        return true;
    }

    bool file_members(const MetaValue& file, const std::string& group_by,
                      std::vector<std::pair<std::string, std::string>>& members) {
        std::string path = resolve(file, "signatories file");
        if (path.empty()) return true;  // already a warning; the letter still comes out
        auto records = read_records_file(path, diags_, resources_.limits().max_file_bytes);
        if (!records) return false;
        for (const auto& r : *records) {
            const std::string* name = r.find("name");
            if (!name) name = &r.fields.front().second;
            const std::string* group = group_by.empty() ? nullptr : r.find(group_by);
            members.emplace_back(group ? *group : std::string(), *name);
        }
        return true;
    }

    // Sorted the way a reader of the letter's language expects (ICU collation), groups first.
    static void sort_members(std::vector<std::pair<std::string, std::string>>& members,
                             const std::string& lang) {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Collator> collator(
            icu::Collator::createInstance(icu::Locale::forLanguageTag(lang, status), status));
        auto less = [&](const std::string& a, const std::string& b) {
            if (U_FAILURE(status) || !collator) return a < b;
            UErrorCode s = U_ZERO_ERROR;
            return collator->compareUTF8(a, b, s) == UCOL_LESS;
        };
        std::stable_sort(members.begin(), members.end(), [&](const auto& a, const auto& b) {
            if (a.first != b.first) return less(a.first, b.first);
            return less(a.second, b.second);
        });
    }

    const Document& doc_;
    const Meta& meta_;
    const ResourcePolicy& resources_;
    Diagnostics& diags_;
    std::string dir_;
};

}  // namespace

int Signatories::count() const {
    int n = 0;
    for (const auto& g : groups) n += static_cast<int>(g.members.size());
    return n;
}

std::optional<Letter> read_letter(const Document& doc, const ResourcePolicy& resources,
                                  Diagnostics& diags) {
    return LetterReader(doc, resources, diags).read();
}

}  // namespace broadside::core
