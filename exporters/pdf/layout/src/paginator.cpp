// First-fit pagination with break permissions: like TeX's page builder without its costs, which
// is enough once widows, orphans and keeps are hard rules expressed per item.
#include "paginator.hpp"

#include <algorithm>

namespace broadside::pdf {
namespace {

class Paginator {
  public:
    Paginator(const std::vector<VItem>& items, const std::vector<double>& heights,
              double footnote_separator)
        : items_(items), heights_(heights), separator_(footnote_separator) {}

    std::vector<PageSlice> run() {
        std::vector<PageSlice> pages;
        std::size_t begin = 0;
        std::ptrdiff_t header = -1;
        while (begin < items_.size()) {
            height_ = heights_[std::min(pages.size(), heights_.size() - 1)];
            PageSlice page = fill(begin, header);
            pages.push_back(page);
            header = continuing_header(page.end);
            begin = page.end;
        }
        return pages;
    }

  private:
    // The header to repeat when a page starts at `next`: the group's header, if `next` is
    // inside a group and is not itself its header.
    std::ptrdiff_t continuing_header(std::size_t next) const {
        if (next >= items_.size() || next == 0) return -1;
        int group = items_[next].group;
        if (group < 0 || items_[next].repeat_header || items_[next - 1].group != group) return -1;
        for (std::size_t k = next; k-- > 0 && items_[k].group == group;)
            if (items_[k].repeat_header) return static_cast<std::ptrdiff_t>(k);
        return -1;
    }

    PageSlice fill(std::size_t begin, std::ptrdiff_t header) {
        PageSlice page{begin, begin, header, false};
        double used = header >= 0 ? items_[static_cast<std::size_t>(header)].height : 0;
        double notes = 0;
        std::size_t last_allowed = begin;  // a break before `last_allowed` is allowed (> begin)
        std::size_t i = begin;
        for (; i < items_.size(); ++i) {
            const VItem& it = items_[i];
            double space = i == begin ? 0 : it.space_before;
            double more_notes =
                it.footnote_height > 0 ? it.footnote_height + (notes > 0 ? 0 : separator_) : 0;
            if (i > begin && it.break_before) last_allowed = i;
            if (used + space + it.height + notes + more_notes > height_ + 1e-6) break;
            used += space + it.height;
            notes += more_notes;
        }
        if (i >= items_.size()) {
            page.end = items_.size();
            return page;
        }
        if (last_allowed > begin) {
            page.end = last_allowed;
            return page;
        }
        // Nothing may break here: keep the page as full as it can be (at least one item) so
        // the job always finishes, and say when even that overflows.
        page.end = i > begin ? i : begin + 1;
        page.overfull = i == begin;
        return page;
    }

    const std::vector<VItem>& items_;
    const std::vector<double>& heights_;
    double height_ = 0;  // of the page being filled
    double separator_;
};

}  // namespace

std::vector<PageSlice> paginate(const std::vector<VItem>& items,
                                const std::vector<double>& page_heights,
                                double footnote_separator) {
    if (page_heights.empty()) return {};
    return Paginator(items, page_heights, footnote_separator).run();
}

}  // namespace broadside::pdf
