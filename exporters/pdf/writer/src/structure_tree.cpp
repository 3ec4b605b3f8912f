#include "structure_tree.hpp"

#include <hpdf_objects.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <set>

#include "broadside/core/language_tag.hpp"
#include "hpdf_access.hpp"

namespace broadside::pdf {
namespace {

// The standard structure types of ISO 32000-1, 14.8.4; any other type the layout uses is one
// of the letter's own roles, which the role map makes a paragraph (a letter a Part).
bool is_standard(std::string_view type) {
    static const std::set<std::string_view> standard = {
        "Document",  "Part",  "Art",   "Sect",  "Div",    "BlockQuote", "Caption", "TOC",
        "TOCI",      "Index", "P",     "H",     "H1",     "H2",         "H3",      "H4",
        "H5",        "H6",    "L",     "LI",    "Lbl",    "LBody",      "Table",   "TR",
        "TH",        "TD",    "THead", "TBody", "TFoot",  "Span",       "Quote",   "Note",
        "Reference", "Code",  "Link",  "Annot", "Figure", "Formula",    "Form",    "NonStruct"};
    return standard.count(type) > 0;
}

std::string_view standard_role(std::string_view type) {
    return type == "Letter" ? "Part" : "P";
}

}  // namespace

StructureTree::StructureTree(HPDF_Doc doc) : doc_(doc) {
    elements_.push_back({nullptr, "Document", "", 0, {}, nullptr, {}, "Document"});
}

std::size_t StructureTree::add_child(std::size_t parent, Structure node, std::string type,
                                     std::string lang, std::string actual_text) {
    const std::size_t index = elements_.size();
    // Marked content is tagged with the standard type the element stands for.
    std::string tag = is_standard(type) ? type : std::string(standard_role(type));
    elements_.push_back({std::move(node),
                         std::move(type),
                         std::move(lang),
                         parent,
                         {},
                         nullptr,
                         std::move(actual_text),
                         std::move(tag)});
    elements_[parent].kids.emplace_back(index);
    return index;
}

void StructureTree::add_page(HPDF_Page page) {
    page_by_handle_.emplace(page, pages_.size());
    pages_.push_back({page, next_key_, {}});
    HPDF_Dict_AddNumber(page, "StructParents", next_key_++);
    HPDF_Dict_AddName(page, "Tabs", "S");  // annotations in the order of the structure
}

std::size_t StructureTree::page_index(HPDF_Page page) {
    auto found = page_by_handle_.find(page);
    if (found != page_by_handle_.end()) return found->second;
    add_page(page);
    return pages_.size() - 1;
}

std::size_t StructureTree::element(const Structure& node) {
    if (!node) return 0;
    auto found = by_node_.find(node.get());
    if (found != by_node_.end()) return found->second;
    const std::size_t index = add_child(element(node->parent), node, node->type, node->lang);
    by_node_.emplace(node.get(), index);
    return index;
}

std::string StructureTree::open(HPDF_Page page, const Structure& node, std::string_view lang,
                                std::string_view actual_text) {
    std::size_t target = element(node);
    if (!lang.empty() || !actual_text.empty()) {
        // A passage in another language, or a line whose text is given: a span of its own,
        // the element's next kid.
        target = add_child(target, nullptr, "Span", std::string(lang), std::string(actual_text));
    }
    const std::size_t p = page_index(page);
    auto& ids = pages_[p].by_mcid;
    const int mcid = static_cast<int>(ids.size());
    ids.push_back(target);
    elements_[target].kids.emplace_back(MarkedContent{p, mcid});
    return "/" + elements_[target].tag + "<</MCID " + std::to_string(mcid) + ">>BDC\n";
}

std::size_t StructureTree::link(const Structure& node) {
    return add_child(element(node), nullptr, "Link");
}

void StructureTree::attach(std::size_t link, HPDF_Page page, HPDF_Annotation annot,
                           std::string_view text) {
    const std::size_t p = page_index(page);
    elements_[link].kids.emplace_back(ObjectReference{p, annot});
    HPDF_Dict_AddNumber(annot, "StructParent", next_key_);
    annotation_keys_.emplace_back(next_key_++, link);
    // What assistive technology announces for the link: its text.
    hpdf::add_text_string(doc_, annot, "Contents", text.empty() ? "link" : text);
}

bool StructureTree::has_content(std::size_t index, std::vector<signed char>& memo) const {
    if (memo[index] >= 0) return memo[index] != 0;
    bool content = false;
    for (const Kid& kid : elements_[index].kids) {
        if (const auto* child = std::get_if<std::size_t>(&kid))
            content = has_content(*child, memo) || content;
        else
            content = true;
    }
    memo[index] = content ? 1 : 0;
    return content;
}

void StructureTree::write_element(std::size_t index, const std::vector<signed char>& content) {
    Element& e = elements_[index];
    HPDF_Dict d = e.dict;
    HPDF_Dict_AddName(d, "S", e.type.c_str());
    if (index != 0) HPDF_Dict_Add(d, "P", elements_[e.parent].dict);
    if (!e.lang.empty() && core::is_language_tag(e.lang))
        hpdf::add_byte_string(doc_, d, "Lang", e.lang);
    if (!e.actual_text.empty()) hpdf::add_text_string(doc_, d, "ActualText", e.actual_text);
    if (e.node) {
        const StructureNode& n = *e.node;
        if (!n.alt.empty()) hpdf::add_text_string(doc_, d, "Alt", n.alt);
        if (!n.scope.empty() || !n.list_numbering.empty()) {
            HPDF_Dict a = hpdf::new_dict(doc_);
            HPDF_Dict_Add(d, "A", a);
            HPDF_Dict_AddName(a, "O", n.scope.empty() ? "List" : "Table");
            if (!n.scope.empty()) HPDF_Dict_AddName(a, "Scope", n.scope.c_str());
            if (!n.list_numbering.empty())
                HPDF_Dict_AddName(a, "ListNumbering", n.list_numbering.c_str());
        }
        if (n.type == "Note") {
            char id[32];
            std::snprintf(id, sizeof id, "note-%08zu", note_ids_.size() + 1);
            hpdf::add_byte_string(doc_, d, "ID", id);
            note_ids_.emplace_back(id, d);
        }
    }
    const std::vector<Kid>& kids = e.kids;
    std::size_t own_page = pages_.size();
    for (const Kid& kid : kids)
        if (const auto* mc = std::get_if<MarkedContent>(&kid)) {
            own_page = mc->page;
            break;
        }
    if (own_page < pages_.size()) HPDF_Dict_Add(d, "Pg", pages_[own_page].page);
    HPDF_Array k = hpdf::new_array(doc_);
    HPDF_Dict_Add(d, "K", k);
    for (const Kid& kid : kids) {
        if (const auto* mc = std::get_if<MarkedContent>(&kid)) {
            if (mc->page == own_page) {
                HPDF_Array_AddNumber(k, mc->mcid);
                continue;
            }
            HPDF_Dict ref = hpdf::new_dict(doc_);
            HPDF_Array_Add(k, ref);
            HPDF_Dict_AddName(ref, "Type", "MCR");
            HPDF_Dict_Add(ref, "Pg", pages_[mc->page].page);
            HPDF_Dict_AddNumber(ref, "MCID", mc->mcid);
        } else if (const auto* obj = std::get_if<ObjectReference>(&kid)) {
            HPDF_Dict ref = hpdf::new_dict(doc_);
            HPDF_Array_Add(k, ref);
            HPDF_Dict_AddName(ref, "Type", "OBJR");
            HPDF_Dict_Add(ref, "Obj", obj->annot);
            HPDF_Dict_Add(ref, "Pg", pages_[obj->page].page);
        } else {
            const std::size_t child = std::get<std::size_t>(kid);
            if (content[child]) HPDF_Array_Add(k, elements_[child].dict);
        }
    }
}

void StructureTree::write_parent_tree(HPDF_Dict root) {
    // Keys ascending: pages and annotations took them in turn.
    std::vector<std::pair<int, void*>> entries;  // an array or a dictionary
    for (const auto& page : pages_) {
        HPDF_Array marked = hpdf::new_array(doc_);
        for (std::size_t e : page.by_mcid) HPDF_Array_Add(marked, elements_[e].dict);
        entries.emplace_back(page.key, marked);
    }
    for (const auto& [key, link] : annotation_keys_)
        entries.emplace_back(key, elements_[link].dict);
    std::sort(entries.begin(), entries.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    HPDF_Dict tree = hpdf::new_indirect_dict(doc_);
    HPDF_Dict_Add(root, "ParentTree", tree);
    write_tree(
        tree, "Nums", entries.size(),
        [&](HPDF_Array a, std::size_t i) {
            HPDF_Array_AddNumber(a, entries[i].first);
            HPDF_Array_Add(a, entries[i].second);
        },
        [&](HPDF_Array limits, std::size_t i) { HPDF_Array_AddNumber(limits, entries[i].first); });
    HPDF_Dict_AddNumber(root, "ParentTreeNextKey", next_key_);
}

void StructureTree::write_tree(HPDF_Dict root, const char* entries_key, std::size_t count,
                               const std::function<void(HPDF_Array, std::size_t)>& add_entry,
                               const std::function<void(HPDF_Array, std::size_t)>& add_key) {
    // libharu refuses arrays of more than 32,767 items, and readers need not take more than
    // 8,191: a big tree gets leaves of `fan_out` entries under nodes of `fan_out` kids, each
    // with the first and last key it holds.
    constexpr std::size_t fan_out = 1024;
    auto fill = [&](HPDF_Dict node, std::size_t from, std::size_t to) {
        HPDF_Array a = hpdf::new_array(doc_);
        HPDF_Dict_Add(node, entries_key, a);
        for (std::size_t i = from; i < to; ++i) add_entry(a, i);
    };
    if (count <= fan_out) return fill(root, 0, count);
    struct Node {
        HPDF_Dict dict;
        std::size_t first, last;  // entry indexes
    };
    std::vector<Node> level;
    for (std::size_t from = 0; from < count; from += fan_out) {
        const std::size_t to = std::min(count, from + fan_out);
        level.push_back({hpdf::new_indirect_dict(doc_), from, to - 1});
        fill(level.back().dict, from, to);
    }
    while (true) {
        for (const Node& n : level) {
            HPDF_Array limits = hpdf::new_array(doc_);
            HPDF_Dict_Add(n.dict, "Limits", limits);
            add_key(limits, n.first);
            add_key(limits, n.last);
        }
        const bool top = level.size() <= fan_out;
        std::vector<Node> parents;
        for (std::size_t from = 0; from < level.size(); from += fan_out) {
            const std::size_t to = std::min(level.size(), from + fan_out);
            HPDF_Dict parent = top ? root : hpdf::new_indirect_dict(doc_);
            HPDF_Array kids = hpdf::new_array(doc_);
            HPDF_Dict_Add(parent, "Kids", kids);
            for (std::size_t i = from; i < to; ++i) HPDF_Array_Add(kids, level[i].dict);
            parents.push_back({parent, level[from].first, level[to - 1].last});
        }
        if (top) return;
        level = std::move(parents);
    }
}

void StructureTree::write_role_map(HPDF_Dict root) {
    std::set<std::string> custom;
    for (const auto& e : elements_)
        if (e.dict && !is_standard(e.type)) custom.insert(e.type);
    if (custom.empty()) return;
    HPDF_Dict map = hpdf::new_dict(doc_);
    HPDF_Dict_Add(root, "RoleMap", map);
    for (const auto& type : custom)
        HPDF_Dict_AddName(map, type.c_str(), std::string(standard_role(type)).c_str());
}

void StructureTree::write_note_ids(HPDF_Dict root) {
    if (note_ids_.empty()) return;
    HPDF_Dict tree = hpdf::new_dict(doc_);
    HPDF_Dict_Add(root, "IDTree", tree);
    // Zero-padded numbers: already sorted.
    write_tree(
        tree, "Names", note_ids_.size(),
        [&](HPDF_Array a, std::size_t i) {
            hpdf::add_array_byte_string(doc_, a, note_ids_[i].first);
            HPDF_Array_Add(a, note_ids_[i].second);
        },
        [&](HPDF_Array limits, std::size_t i) {
            hpdf::add_array_byte_string(doc_, limits, note_ids_[i].first);
        });
}

void StructureTree::order_and_split_kids() {
    for (std::size_t index = 0; index < elements_.size(); ++index) {
        // Kids in reading order: as drawn, except siblings that name their place.
        auto order = [&](const Kid& k) -> std::size_t {
            const auto* child = std::get_if<std::size_t>(&k);
            return child && elements_[*child].node ? elements_[*child].node->order : 0;
        };
        std::stable_sort(elements_[index].kids.begin(), elements_[index].kids.end(),
                         [&](const Kid& a, const Kid& b) { return order(a) < order(b); });
        // An element with more kids than an array holds (a code block of 20,000 lines) gets
        // them in groups without meaning of their own.
        constexpr std::size_t most = 4096;
        if (elements_[index].kids.size() <= most) continue;
        std::vector<Kid> kids = std::move(elements_[index].kids);
        elements_[index].kids.clear();
        for (std::size_t from = 0; from < kids.size(); from += most) {
            const std::size_t group = add_child(index, nullptr, "NonStruct");
            for (std::size_t i = from; i < std::min(kids.size(), from + most); ++i) {
                if (const auto* mc = std::get_if<MarkedContent>(&kids[i]))
                    pages_[mc->page].by_mcid[static_cast<std::size_t>(mc->mcid)] = group;
                if (const auto* child = std::get_if<std::size_t>(&kids[i]))
                    elements_[*child].parent = group;
                elements_[group].kids.push_back(kids[i]);
            }
        }
    }
}

void StructureTree::finish() {
    order_and_split_kids();
    std::vector<signed char> memo(elements_.size(), -1);
    std::vector<signed char> content(elements_.size());
    for (std::size_t i = 0; i < elements_.size(); ++i) content[i] = has_content(i, memo);
    content[0] = 1;  // the document element, even for a document without text
    for (std::size_t i = 0; i < elements_.size(); ++i)
        if (content[i]) elements_[i].dict = hpdf::new_indirect_dict(doc_);
    HPDF_Dict root = hpdf::new_indirect_dict(doc_);
    HPDF_Dict_AddName(root, "Type", "StructTreeRoot");
    for (std::size_t i = 0; i < elements_.size(); ++i)
        if (content[i]) write_element(i, content);
    HPDF_Dict_Add(elements_[0].dict, "P", root);
    HPDF_Dict_Add(root, "K", elements_[0].dict);
    write_parent_tree(root);
    write_role_map(root);
    write_note_ids(root);

    HPDF_Dict catalog = hpdf::catalog(doc_);
    HPDF_Dict_Add(catalog, "StructTreeRoot", root);
    HPDF_Dict mark_info = hpdf::new_dict(doc_);
    HPDF_Dict_Add(catalog, "MarkInfo", mark_info);
    hpdf::add_boolean(doc_, mark_info, "Marked", true);
    // Viewers title the window with the document's title, not its file name.
    HPDF_Dict prefs = hpdf::new_dict(doc_);
    HPDF_Dict_Add(catalog, "ViewerPreferences", prefs);
    hpdf::add_boolean(doc_, prefs, "DisplayDocTitle", true);
}

}  // namespace broadside::pdf
