#include "table_layout.hpp"

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <numeric>
#include <string>
#include <utility>
#include <vector>

#include "broadside/pdf/item_offset.hpp"
#include "inline_spans.hpp"
#include "structure_tags.hpp"

namespace broadside::pdf {
namespace {

constexpr double padding_x = 4, padding_y = 3;  // around each cell's text
constexpr double outer_rule = 0.8;              // above the header, below the last row
constexpr double header_rule = 0.5;
constexpr double row_rule = 0.25;
constexpr double unbounded = 1e6;   // a width no cell needs: its natural one-line width
constexpr double narrowest = 1e-3;  // the setter's own floor is 1 pt; this only avoids 0

struct Cell {
    std::vector<TextSpan> spans;
    core::Alignment align = core::Alignment::none;
    double min = 0, max = 0;  ///< content widths, without padding
};

/// One row of the table as the setter sees it.
struct Row {
    std::vector<Cell> cells;
    core::SourceSpan span;
    bool header = false;
};

TextAlign text_align(core::Alignment a) {
    switch (a) {
        case core::Alignment::center:
            return TextAlign::center;
        case core::Alignment::right:
            return TextAlign::end;
        default:
            return TextAlign::start;
    }
}

double widest_line(const SetParagraph& p) {
    double widest = 0;
    for (const auto& line : p.lines) {
        auto [l, r] = text_extent(line.items);
        widest = std::max(widest, r - l);
    }
    return widest;
}

std::string points(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", v);
    return buf;
}

class TableBuilder {
  public:
    TableBuilder(const core::Table& table, TextSetter& setter, const styles::Style& style,
                 const Structure& parent)
        : table_(table),
          setter_(setter),
          style_(style),
          structure_(parent ? make_structure("Table", parent) : nullptr) {
        columns_ = table.alignments.size();
        columns_ = std::max(columns_, table.header.cells.size());
        body_ = style.body;
        body_.space_before = body_.space_after = 0;
        header_ = body_;
        header_.bold = true;
        rows_.push_back(row(table.header, true));
        for (const auto& r : table.rows) rows_.push_back(row(r, false));
    }

    void layout(double left, double width, int table_id, VerticalList& out,
                std::vector<std::vector<int>>* footnotes) {
        if (columns_ == 0) return;
        width = std::max(1.0, width);
        std::vector<double> widths = column_widths(width);
        // Column edges: a right-to-left table starts at the right, as the text does.
        double table_width = std::accumulate(widths.begin(), widths.end(), 0.0);
        double table_left = rtl_ ? left + width - table_width : left;
        std::vector<double> x(columns_);
        double before = 0;  // the widths of the columns before this one
        for (std::size_t c = 0; c < columns_; before += widths[c], ++c)
            x[c] = rtl_ ? table_left + table_width - before - widths[c] : table_left + before;
        double max_height =
            std::max(1.0, style_.page_height - style_.margin_top - style_.margin_bottom);
        double row_room = max_height;  // what a page leaves a row below the header
        for (std::size_t r = 0; r < rows_.size(); ++r) {
            RowBox row = row_box(r, x, widths, table_left, table_width);
            VItem& m = row.box.metrics;
            m.group = table_id;
            m.break_before = r != 1;  // the header keeps the first row with it
            // A header that would eat a third of every continuation page is shown once.
            m.repeat_header = r == 0 && m.height <= max_height / 3;
            if (m.repeat_header) row_room -= m.height;
            std::vector<int> notes = std::move(row.footnotes);
            std::size_t first = out.size();
            add_sliced(std::move(row), row_room, out);
            if (!footnotes) continue;
            footnotes->resize(out.size());
            (*footnotes)[first] = std::move(notes);  // a cut row's notes go with its first slice
        }
    }

  private:
    Row row(const core::TableRow& source, bool header) {
        Row out;
        out.span = source.span;
        out.header = header;
        out.cells.resize(columns_);
        for (std::size_t c = 0; c < columns_ && c < source.cells.size(); ++c)
            out.cells[c].spans = inline_spans(source.cells[c].children, InlineLook{header, false});
        for (std::size_t c = 0; c < columns_ && c < table_.alignments.size(); ++c)
            out.cells[c].align = table_.alignments[c];
        return out;
    }

    const styles::TextStyle& text_style(const Row& r) const { return r.header ? header_ : body_; }

    /// Content widths of every cell; `minimum` also sets each one as narrow as it goes.
    /// Warnings of these trial settings are dropped: the final setting repeats them once.
    void measure(bool minimum) {
        core::Diagnostics before = setter_.diags();
        for (auto& r : rows_)
            for (auto& cell : r.cells) {
                if (cell.spans.empty()) continue;
                const auto& ts = text_style(r);
                SetParagraph set = setter_.set(cell.spans, ts, minimum ? narrowest : unbounded, 0,
                                               TextAlign::start);
                (minimum ? cell.min : cell.max) = widest_line(set);
                // The table runs in the direction of its first header cell with text.
                if (r.header && !direction_known_) {
                    rtl_ = set.rtl;
                    direction_known_ = true;
                }
            }
        setter_.diags() = std::move(before);
    }

    /// Per column: the most any of its cells needs, plus padding; at least one em for an
    /// empty column so it stays visible.
    std::vector<double> column_need(double Cell::*which) const {
        std::vector<double> need(columns_, body_.size);
        for (const auto& r : rows_)
            for (std::size_t c = 0; c < columns_; ++c)
                need[c] = std::max(need[c], r.cells[c].*which);
        for (double& n : need) n += 2 * padding_x;
        return need;
    }

    std::vector<double> column_widths(double width) {
        measure(false);
        std::vector<double> most = column_need(&Cell::max);
        double sum_most = std::accumulate(most.begin(), most.end(), 0.0);
        if (sum_most <= width) return most;
        measure(true);
        std::vector<double> least = column_need(&Cell::min);
        double sum_least = std::accumulate(least.begin(), least.end(), 0.0);
        std::vector<double> out(columns_);
        if (sum_least <= width) return share_room(least, most, width - sum_least);
        double scale = width / sum_least;
        for (std::size_t c = 0; c < columns_; ++c) out[c] = least[c] * scale;
        const auto& at = table_.header.span;
        setter_.diags().warning(
            setter_.file(), at.line, at.column,
            "this table's " + std::to_string(columns_) + " columns need " + points(sum_least) +
                " pt but only " + points(width) +
                " pt are available; its columns are squeezed and long words overflow their cells",
            "split the table, leave out columns, or shorten the longest words in its cells");
        return out;
    }

    /// Widths from the minimums plus `room`, filled like water: a column that wants less than
    /// an equal share of what is left gets all it wants (short cells such as names and numbers
    /// never wrap for the benefit of a long one); the others share the rest in proportion to
    /// what they would still like, as browsers' auto layout does.
    static std::vector<double> share_room(std::vector<double> width,
                                          const std::vector<double>& most, double room) {
        std::vector<std::size_t> order(width.size());
        std::iota(order.begin(), order.end(), std::size_t{0});
        auto want = [&](std::size_t c) { return std::max(0.0, most[c] - width[c]); };
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return want(a) < want(b); });
        std::size_t k = 0;
        for (; k < order.size(); ++k) {
            double w = want(order[k]);
            if (w > room / static_cast<double>(order.size() - k)) break;
            width[order[k]] += w;
            room -= w;
        }
        double wanted = 0;
        for (std::size_t i = k; i < order.size(); ++i) wanted += want(order[i]);
        for (std::size_t i = k; i < order.size() && wanted > 0; ++i)
            width[order[i]] += want(order[i]) * room / wanted;
        return width;
    }

    /// The cell's side padding: the full amount, or a quarter of a squeezed column.
    static double padding_of(double column_width) { return std::min(padding_x, column_width / 4); }

    /// A row's box, with the vertical extent [top, bottom) of each of its items (the line an
    /// item belongs to, for text), which says where the row may be cut.
    struct RowBox {
        VBox box;
        std::vector<std::pair<double, double>> extents;
        std::vector<int> footnotes;  ///< numbers referenced in the row's cells, in order
    };

    RowBox row_box(std::size_t index, const std::vector<double>& x,
                   const std::vector<double>& widths, double table_left, double table_width) {
        Row& r = rows_[index];
        const auto& ts = text_style(r);
        std::size_t body_rows = rows_.size() - 1;
        std::string role =
            r.header ? std::string("table-header")
                     : "table-row " + std::to_string(index) + "/" + std::to_string(body_rows);
        RowBox out;
        VBox& box = out.box;
        const Structure row_node = structure_ ? make_structure("TR", structure_) : nullptr;
        double top = r.header ? outer_rule : 0;
        double content = ts.leading;  // an empty row keeps the height of one line
        for (std::size_t c = 0; c < columns_; ++c) {
            Cell& cell = r.cells[c];
            if (cell.spans.empty()) continue;
            double pad = padding_of(widths[c]);
            double inner = std::max(narrowest, widths[c] - 2 * pad);
            SetParagraph set =
                setter_.set(std::move(cell.spans), ts, inner, 0, text_align(cell.align));
            double y = top + padding_y;
            const Structure cell_node = row_node ? cell_structure(row_node, r.header) : nullptr;
            for (auto& line : set.lines) {
                out.footnotes.insert(out.footnotes.end(), line.footnotes.begin(),
                                     line.footnotes.end());
                for (auto& [at, item] : line.items)
                    if (auto* text = std::get_if<TextLine>(&item)) text->role = role;
                if (cell_node) tag_items(line.items, cell_node);
                offset_items(line.items, x[c] + pad, y);
                for (auto& item : line.items) {
                    box.items.push_back(std::move(item));
                    out.extents.emplace_back(y, y + line.height);
                }
                y += line.height;
            }
            content = std::max(content, y - top - padding_y);
        }
        bool last = index + 1 == rows_.size();
        double rule = last ? outer_rule : r.header ? header_rule : row_rule;
        Rgb color{style_.rule_color.r, style_.rule_color.g, style_.rule_color.b};
        auto add_rule = [&](double y, double thickness) {
            box.items.emplace_back(Point{table_left, y}, Rule{Size{table_width, thickness}, color});
            out.extents.emplace_back(y, y + thickness);
        };
        if (r.header) add_rule(0, outer_rule);
        box.metrics.height = top + content + 2 * padding_y + rule;
        add_rule(box.metrics.height - rule, rule);
        box.dump_label = r.header ? "table-header" : "table-row";
        return out;
    }

    /// Where a row of `height` may be cut: item bottoms that no other item straddles, sorted.
    static std::vector<double> clean_cuts(std::vector<std::pair<double, double>> extents) {
        std::vector<double> bottoms;
        for (const auto& e : extents) bottoms.push_back(e.second);
        std::sort(bottoms.begin(), bottoms.end());
        std::sort(extents.begin(), extents.end());
        std::vector<double> out;
        double reach = 0;  // the lowest bottom of the items starting above the candidate
        std::size_t next = 0;
        for (double c : bottoms) {
            while (next < extents.size() && extents[next].first < c - 1e-6)
                reach = std::max(reach, extents[next++].second);
            if (reach <= c + 1e-6 && (out.empty() || out.back() < c)) out.push_back(c);
        }
        return out;
    }

    /// Appends the row, cut into slices no taller than `max_height` when it is taller: each cut
    /// lies between lines where it can (a single line taller than the page is cut anyway).
    /// A repeated header is never cut.
    static void add_sliced(RowBox row, double max_height, VerticalList& out) {
        VBox& box = row.box;
        double total = box.metrics.height;
        if (total <= max_height || box.metrics.repeat_header) {
            out.push_back(std::move(box));
            return;
        }
        std::vector<double> cuts = clean_cuts(row.extents);
        std::vector<double> ends;  // the bottom of each slice
        for (double top = 0; top < total;) {
            double limit = top + max_height;
            double end = std::min(limit, total);
            auto fit = std::upper_bound(cuts.begin(), cuts.end(), limit + 1e-6);
            if (limit < total && fit != cuts.begin() && *std::prev(fit) > top + 1e-6)
                end = *std::prev(fit);
            ends.push_back(end);
            top = end;
        }
        std::vector<VBox> slices(ends.size());
        for (std::size_t k = 0; k < slices.size(); ++k) {
            double top = k == 0 ? 0 : ends[k - 1];
            slices[k].metrics = box.metrics;
            slices[k].metrics.height = ends[k] - top;
            if (k > 0) {
                slices[k].metrics.space_before = 0;
                slices[k].metrics.break_before = true;
            }
            slices[k].dump_label = box.dump_label;
        }
        for (std::size_t i = 0; i < box.items.size(); ++i) {
            double item_top = row.extents[i].first;
            auto k = static_cast<std::size_t>(
                std::upper_bound(ends.begin(), ends.end(), item_top + 1e-6) - ends.begin());
            k = std::min(k, slices.size() - 1);
            std::vector<std::pair<Point, Item>> one{std::move(box.items[i])};
            offset_items(one, 0, -(k == 0 ? 0 : ends[k - 1]));
            slices[k].items.push_back(std::move(one.front()));
        }
        for (auto& slice : slices) out.push_back(std::move(slice));
    }

    // A cell's element: a header cell names its column as what it heads.
    static Structure cell_structure(const Structure& row, bool header) {
        auto node = std::make_shared<StructureNode>();
        node->type = header ? "TH" : "TD";
        node->parent = row;
        if (header) node->scope = "Column";
        return node;
    }

    const core::Table& table_;
    TextSetter& setter_;
    const styles::Style& style_;
    std::size_t columns_ = 0;
    bool rtl_ = false;  ///< the first header cell with text is right to left
    bool direction_known_ = false;
    styles::TextStyle body_, header_;
    std::vector<Row> rows_;
    Structure structure_;  ///< the Table element, null when the caller wants none
};

}  // namespace

void layout_table(const core::Table& table, double left, double width, TextSetter& setter,
                  const styles::Style& style, int table_id, VerticalList& out,
                  std::vector<std::vector<int>>* footnotes, const Structure& parent) {
    TableBuilder(table, setter, style, parent).layout(left, width, table_id, out, footnotes);
}

}  // namespace broadside::pdf
