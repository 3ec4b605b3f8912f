#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include <hpdf.h>

#include "broadside/pdf/layout.hpp"

namespace broadside::pdf {

/// The logical structure of a tagged PDF (ISO 32000-1, 14.7–14.8; PDF/UA-1), built while the
/// pages are drawn. Every piece of content the layout tied to a structure element is marked
/// with an id (MCID) that the element lists, in the order the pages draw it; everything else
/// is an artifact. The dictionaries (structure elements, parent tree, role map, note ids) are
/// written by finish(), once all pages and annotations exist.
class StructureTree {
  public:
    /// The catalog's /Lang, which PDF/UA also needs, comes with the claim (archival.hpp).
    explicit StructureTree(HPDF_Doc doc);

    /// Registers a new page: its key in the parent tree, and tab order by structure.
    void add_page(HPDF_Page page);

    /// The operator that opens marked content of `node` on `page` (close it with "EMC"). With
    /// a `lang` other than the element's, or an `actual_text`, the content becomes a Span child
    /// that carries them.
    std::string open(HPDF_Page page, const Structure& node, std::string_view lang,
                     std::string_view actual_text = {});

    /// The operator that opens an artifact (page furniture, decoration).
    static std::string open_artifact() { return "/Artifact BMC\n"; }

    /// A Link element for a link in the text of `node` (the document when null), to which
    /// attach() adds the annotation once it exists; `text` becomes the annotation's Contents.
    std::size_t link(const Structure& node);
    void attach(std::size_t link, HPDF_Page page, HPDF_Annotation annot, std::string_view text);

    /// Writes the structure tree and marks the catalog as tagged.
    void finish();

  private:
    struct MarkedContent {
        std::size_t page;  ///< index into pages_
        int mcid;
    };
    struct ObjectReference {
        std::size_t page;
        HPDF_Annotation annot;
    };
    using Kid = std::variant<MarkedContent, ObjectReference, std::size_t>;  // or an element
    struct Element {
        Structure node;      ///< keeps the node (and its address, the key) alive
        std::string type;    ///< when there is no node (the document, spans, links)
        std::string lang;    ///< a span's language
        std::size_t parent;  ///< index; the document element is its own parent
        std::vector<Kid> kids;
        HPDF_Dict dict = nullptr;
        std::string actual_text{};  ///< a span's text in logical order
        std::string tag{};          ///< what its marked content is tagged: the standard type
    };
    struct PageRecord {
        HPDF_Page page;
        int key;                           ///< StructParents
        std::vector<std::size_t> by_mcid;  ///< the element of each MCID
    };

    std::size_t element(const Structure& node);
    /// Appends an element as the next kid of `parent`; returns its index.
    std::size_t add_child(std::size_t parent, Structure node, std::string type,
                          std::string lang = {}, std::string actual_text = {});
    std::size_t page_index(HPDF_Page page);
    bool has_content(std::size_t element, std::vector<signed char>& memo) const;
    void write_element(std::size_t index, const std::vector<signed char>& content);
    void write_parent_tree(HPDF_Dict root);
    void write_role_map(HPDF_Dict root);
    void write_note_ids(HPDF_Dict root);
    void order_and_split_kids();
    /// Writes `count` sorted entries as a number or name tree (`entries_key` Nums or Names)
    /// under `root`: `add_entry` appends entry i's key and value, `add_key` its key alone.
    void write_tree(HPDF_Dict root, const char* entries_key, std::size_t count,
                    const std::function<void(HPDF_Array, std::size_t)>& add_entry,
                    const std::function<void(HPDF_Array, std::size_t)>& add_key);

    HPDF_Doc doc_;
    std::vector<Element> elements_;  ///< [0] is the document
    std::unordered_map<const StructureNode*, std::size_t> by_node_;
    std::vector<PageRecord> pages_;
    std::unordered_map<HPDF_Page, std::size_t> page_by_handle_;
    std::vector<std::pair<int, std::size_t>> annotation_keys_;  ///< StructParent → Link element
    int next_key_ = 0;
    std::vector<std::pair<std::string, HPDF_Dict>> note_ids_;
};

}  // namespace broadside::pdf
