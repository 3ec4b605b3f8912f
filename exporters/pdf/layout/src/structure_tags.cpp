#include "structure_tags.hpp"

namespace broadside::pdf {

Structure make_structure(std::string type, Structure parent) {
    auto node = std::make_shared<StructureNode>();
    node->type = std::move(type);
    node->parent = std::move(parent);
    return node;
}

namespace {

template <typename F>
void each_tag(std::vector<std::pair<Point, Item>>& items, F f) {
    for (auto& entry : items) {
        Item& item = entry.second;
        if (auto* line = std::get_if<TextLine>(&item)) f(line->tag);
        if (auto* link = std::get_if<Link>(&item)) f(link->tag);
        if (auto* image = std::get_if<Image>(&item)) f(image->tag);
    }
}

}  // namespace

void tag_items(std::vector<std::pair<Point, Item>>& items, const Structure& node) {
    each_tag(items, [&](Structure& tag) {
        if (!tag) tag = node;
    });
}

void untag_items(std::vector<std::pair<Point, Item>>& items) {
    each_tag(items, [](Structure& tag) { tag = nullptr; });
}

}  // namespace broadside::pdf
