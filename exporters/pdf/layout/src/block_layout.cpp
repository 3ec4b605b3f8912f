// The block walk of the page engine: every model block becomes boxes of the vertical list,
// with the break permissions that keep pages free of widows, orphans and stranded headings.
#include "block_layout.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>
#include <type_traits>

#include "broadside/core/date_text.hpp"
#include "broadside/core/plain_text.hpp"
#include "broadside/core/utf8.hpp"
#include "broadside/pdf/item_offset.hpp"
#include "figure_layout.hpp"
#include "inline_spans.hpp"
#include "structure_tags.hpp"
#include "table_layout.hpp"

namespace broadside::pdf {
namespace {

constexpr double indent_step = 18;   // list and quote indentation
constexpr double quote_bar = 1.5;    // width of a block quote's bar
constexpr double code_padding = 10;  // code text sits this far inside its shaded box
constexpr Rgb code_shade{243, 243, 240};

Rgb rgb(const styles::Color& c) {
    return {c.r, c.g, c.b};
}

/// Where and how the blocks of one container are set.
struct Context {
    double left = 0;  ///< from the body frame's left edge
    double width = 0;
    const styles::TextStyle* text = nullptr;  ///< body or footnote text
    std::vector<double> bars;                 ///< x of the quote bars around these blocks
    bool tight = false;                       ///< inside an item of a tight list
    bool footnote = false;                    ///< setting a footnote for the page foot
    Structure parent;                         ///< the element these blocks belong to
};

/// Which page breaks a block's lines allow.
enum class Keep {
    paragraph,  ///< two lines at least on each side of a break
    whole,      ///< never inside (headings, captions)
    lines,      ///< anywhere between lines but the first two and last two (code)
};

bool break_allowed(Keep keep, std::size_t k, std::size_t n) {
    if (k == 0) return true;
    if (keep == Keep::whole) return false;
    return k >= 2 && n - k >= 2;
}

std::string role(const std::string& kind, std::size_t k, std::size_t n) {
    return kind + " " + std::to_string(k + 1) + "/" + std::to_string(n);
}

// The paragraph holds nothing but one image (and white space), perhaps inside a link as logos
// and badges are: a figure.
const core::Image* sole_image(const std::vector<core::Inline>& inlines) {
    const core::Image* image = nullptr;
    for (const auto& in : inlines) {
        const core::Image* found = std::get_if<core::Image>(&in.node);
        if (const auto* link = std::get_if<core::Link>(&in.node))
            found = sole_image(link->children);
        if (found) {
            if (image) return nullptr;
            image = found;
        } else if (const auto* t = std::get_if<core::Text>(&in.node)) {
            if (t->text.find_first_not_of(" \t") != std::string::npos) return nullptr;
        } else if (!std::holds_alternative<core::SoftBreak>(in.node)) {
            return nullptr;
        }
    }
    return image;
}

// What a screen reader says for a picture: its description, else its title, else its file's
// name (PDF/UA wants every figure described; a name says more than nothing).
std::string figure_description(const core::Image& image) {
    if (!image.alt.empty()) return image.alt;
    if (!image.title.empty()) return image.title;
    return "image " + std::filesystem::path(image.source).filename().string();
}

// The ids raw HTML gave inside a paragraph (`<a id="1"></a>`): links lead to the paragraph.
void collect_anchors(const std::vector<core::Inline>& inlines, std::vector<std::string>& ids) {
    for (const auto& in : inlines)
        std::visit(
            [&](const auto& n) {
                using T = std::decay_t<decltype(n)>;
                if constexpr (std::is_same_v<T, core::Anchor>)
                    ids.push_back(n.id);
                else if constexpr (requires { n.children; })
                    collect_anchors(n.children, ids);
            },
            in.node);
}

class BlockLayout {
  public:
    BlockLayout(const core::Document& doc, BlockEnvironment& env)
        : doc_(doc), env_(env), style_(env.style) {
        for (const auto& b : doc.blocks)
            if (const auto* f = std::get_if<core::FootnoteDefinition>(&b.node))
                footnotes_.emplace(f->number, f);
    }

    VerticalList run() {
        VerticalList out;
        Context ctx{0, env_.frame_width, &style_.body, {}, false, false, env_.structure};
        title_block(ctx, out);
        blocks(doc_.blocks, ctx, out);
        end_notes(out);
        return out;
    }

  private:
    // ---- containers ---------------------------------------------------------------------

    void blocks(const std::vector<core::Block>& bs, const Context& ctx, VerticalList& out) {
        for (const auto& b : bs) block(b, ctx, out);
    }

    void block(const core::Block& b, const Context& ctx, VerticalList& out) {
        std::visit(
            [&](const auto& node) {
                using T = std::decay_t<decltype(node)>;
                if constexpr (std::is_same_v<T, core::Paragraph>) {
                    paragraph(node, b.span, ctx, out);
                } else if constexpr (std::is_same_v<T, core::Heading>) {
                    heading(node, b.span, ctx, out);
                } else if constexpr (std::is_same_v<T, core::BlockQuote>) {
                    quote(node, ctx, out);
                } else if constexpr (std::is_same_v<T, core::List>) {
                    list(node, ctx, out);
                } else if constexpr (std::is_same_v<T, core::CodeBlock>) {
                    code(node, b.span, ctx, out);
                } else if constexpr (std::is_same_v<T, core::ThematicBreak>) {
                    rule(ctx, out);
                } else if constexpr (std::is_same_v<T, core::Table>) {
                    table(node, b.span, ctx, out);
                }
                // Footnote definitions are set where they are first referred to.
            },
            b.node);
    }

    // Deep nesting stops indenting once a third of the measure is left, so text never
    // squeezes into a sliver (10,000 nested items stay readable).
    double indent_for(const Context& ctx) const {
        return ctx.width - indent_step >= env_.frame_width / 3 ? indent_step : 0;
    }

    void quote(const core::BlockQuote& q, const Context& ctx, VerticalList& out) {
        Context inner = ctx;
        const double step = indent_for(ctx);
        if (step > 0) inner.bars.push_back(ctx.left + indent_step / 3);
        inner.left += step;
        inner.width -= step;
        inner.parent = make_structure("BlockQuote", ctx.parent);
        separate(ctx);
        previous_paragraph_ = false;
        blocks(q.children, inner, out);
        pending_space_ = block_space(ctx);
        previous_paragraph_ = false;
    }

    void list(const core::List& l, const Context& ctx, VerticalList& out) {
        Context inner = ctx;
        // The marker hangs in the indent, so even at the deepest level there is one.
        const double step = std::max(indent_for(ctx), ctx.left >= indent_step ? 0.0 : indent_step);
        inner.left += step;
        inner.width -= step;
        inner.tight = l.tight;
        separate(ctx);
        auto list_node = std::make_shared<StructureNode>();
        list_node->type = "L";
        list_node->parent = ctx.parent;
        list_node->list_numbering = l.ordered ? "Decimal" : "Disc";
        int number = l.start;
        for (const auto& item : l.items) {
            if (!l.tight && &item != &l.items.front()) pending_space_ += block_space(ctx);
            Structure li = make_structure("LI", list_node);
            marker_ = list_marker(l, number++, item.task, inner);
            tag_items(marker_, make_structure("Lbl", li));
            inner.parent = make_structure("LBody", li);
            previous_paragraph_ = false;
            blocks(item.children, inner, out);
            marker_.clear();  // an item with no blocks drops its marker rather than lend it on
        }
        pending_space_ = block_space(ctx);
        previous_paragraph_ = false;
    }

    // ---- leaves ---------------------------------------------------------------------------

    // The document's title, then its date and authors, as a reader expects at the top of a
    // post or report. Kept together and with the first lines of the text.
    void title_block(const Context& ctx, VerticalList& out) {
        auto title = doc_.meta.title();
        if (!title || !env_.title_block) return;
        const styles::TextStyle& ts = style_.headings[0];
        TextSpan span{*title, false, false, false, {}, 0, 0};
        push_lines(env_.setter.set({span}, ts, ctx.width, 0, TextAlign::start), ctx, "title",
                   Keep::whole, out, heading_structure(0, ctx));
        std::string byline;
        if (auto date = doc_.meta.date())
            byline = core::DateText(doc_.meta.lang().value_or("en")).format(*date);
        std::string authors;
        for (const auto& a : doc_.meta.authors()) authors += (authors.empty() ? "" : ", ") + a;
        if (!authors.empty()) byline += (byline.empty() ? "" : " \u00B7 ") + authors;
        if (!byline.empty()) {
            keep_with_previous_ = true;
            styles::TextStyle by = style_.body;
            by.italic = true;
            TextSpan line{byline, false, false, false, {}, 0, 0};
            push_lines(env_.setter.set({line}, by, ctx.width, 0, TextAlign::start), ctx, "byline",
                       Keep::whole, out, make_structure("P", ctx.parent));
        }
        keep_with_previous_ = true;
        pending_space_ = ts.space_after + style_.body.leading / 2;
    }

    void paragraph(const core::Paragraph& p, const core::SourceSpan& at, const Context& ctx,
                   VerticalList& out) {
        if (const core::Image* image = sole_image(p.children)) {
            figure(*image, at, ctx, out);
            return;
        }
        auto spans = inline_spans(p.children, {});
        if (spans.empty()) return;
        bool indent =
            previous_paragraph_ && marker_.empty() && !ctx.footnote && style_.paragraph_indent > 0;
        if (previous_paragraph_) pending_space_ += style_.paragraph_spacing;
        TextAlign align = style_.justify ? TextAlign::justify : TextAlign::start;
        SetParagraph set = env_.setter.set(std::move(spans), *ctx.text, ctx.width,
                                           indent ? style_.paragraph_indent : 0, align);
        place_anchors(p.children, set);
        push_lines(std::move(set), ctx, ctx.footnote ? "footnote" : "paragraph", Keep::paragraph,
                   out, make_structure("P", ctx.parent));
        previous_paragraph_ = !ctx.footnote;
        if (ctx.tight) previous_paragraph_ = false;
    }

    // Destinations for the ids raw HTML gave inside `inlines`, at the top of their first line.
    static void place_anchors(const std::vector<core::Inline>& inlines, SetParagraph& set) {
        if (set.lines.empty()) return;
        std::vector<std::string> ids;
        collect_anchors(inlines, ids);
        auto& items = set.lines.front().items;
        for (auto& id : ids)
            items.insert(items.begin(), {Point{0, 0}, Anchor{std::move(id), "", 0}});
    }

    void heading(const core::Heading& h, const core::SourceSpan&, const Context& ctx,
                 VerticalList& out) {
        const auto& ts = style_.headings[static_cast<std::size_t>(std::clamp(h.level, 1, 6) - 1)];
        auto spans = inline_spans(h.children, {});
        if (spans.empty()) return;
        pending_space_ = std::max(pending_space_, ts.space_before);
        SetParagraph set = env_.setter.set(std::move(spans), ts, ctx.width, 0, TextAlign::start);
        if (set.lines.empty()) return;
        place_anchors(h.children, set);
        set.lines.front().items.insert(
            set.lines.front().items.begin(),
            {Point{0, 0}, Anchor{h.id, core::plain_text(h.children), h.level}});
        push_lines(std::move(set), ctx, "heading", Keep::whole, out,
                   heading_structure(h.level, ctx));
        // The heading stays with the first two lines of what follows (their own orphan rule
        // keeps the second).
        keep_with_previous_ = true;
        pending_space_ = ts.space_after;
        previous_paragraph_ = false;
    }

    void code(const core::CodeBlock& c, const core::SourceSpan& at, const Context& ctx,
              VerticalList& out) {
        const styles::TextStyle& ts = style_.code;
        separate(ctx);
        // Monospace cells: wrap at a fixed count of characters so no line is ever cut or
        // overfull, and mark each continuation with a hook in the padding.
        double inner = std::max(1.0, ctx.width - 2 * code_padding);
        auto per_line =
            static_cast<std::size_t>(std::max(8.0, std::floor(inner / (0.6 * ts.size))));
        std::vector<std::pair<std::string, bool>> lines;  // text, continues the previous
        std::string source = c.code;
        while (!source.empty() && source.back() == '\n') source.pop_back();
        std::size_t start = 0;
        while (start <= source.size()) {
            std::size_t nl = source.find('\n', start);
            std::string line = source.substr(start, nl == std::string::npos ? nl : nl - start);
            for (std::size_t t; (t = line.find('\t')) != std::string::npos;)
                line.replace(t, 1, "    ");
            bool first = true;
            do {
                std::size_t bytes = 0, count = 0;
                while (bytes < line.size() && count < per_line) {
                    core::decode_utf8(line, bytes);
                    ++count;
                }
                lines.emplace_back(line.substr(0, bytes), !first);
                line.erase(0, bytes);
                first = false;
            } while (!line.empty());
            if (nl == std::string::npos) break;
            start = nl + 1;
        }
        int source_line = at.line > 0 ? at.line + 1 : 0;  // the fence is the block's first line
        const Structure node = make_structure("Code", ctx.parent);
        std::size_t n = lines.size();
        for (std::size_t k = 0; k < n; ++k) {
            SetLine line;
            line.height = ts.leading;
            if (!lines[k].first.empty()) {
                TextSpan span{lines[k].first, false, false, true, {}, source_line, 1};
                // Wide enough that the setter never wraps: the chunking above did.
                SetParagraph set = env_.setter.set({span}, ts, 1e6, 0, TextAlign::start);
                if (!set.lines.empty()) line = std::move(set.lines.front());
            }
            if (k + 1 < n && !lines[k + 1].second && source_line > 0) ++source_line;
            std::vector<std::pair<Point, Item>> items;
            items.emplace_back(Point{-code_padding, 0},
                               Rule{Size{ctx.width, line.height}, code_shade});
            if (lines[k].second) {  // ↳-shaped hook: the line continues the one above
                double h = ts.size * 0.45, y = line.height / 2 - h / 2;
                items.emplace_back(Point{-code_padding + 3, y},
                                   Rule{Size{0.6, h}, rgb(style_.rule_color)});
                items.emplace_back(Point{-code_padding + 3, y + h - 0.6},
                                   Rule{Size{4, 0.6}, rgb(style_.rule_color)});
            }
            for (auto& it : line.items) items.push_back(std::move(it));
            line.items = std::move(items);
            offset_items(line.items, code_padding, 0);
            push(make_box(std::move(line), ctx, role("code", k, n),
                          break_allowed(Keep::lines, k, n), node),
                 ctx, out);
        }
        pending_space_ = block_space(ctx);
        previous_paragraph_ = false;
    }

    void rule(const Context& ctx, VerticalList& out) {
        const double thickness = 0.5, height = style_.body.leading;
        SetLine line;
        line.height = height;
        line.items.emplace_back(Point{0, (height - thickness) / 2},
                                Rule{Size{ctx.width, thickness}, rgb(style_.rule_color)});
        separate(ctx);
        push(make_box(std::move(line), ctx, "", true, nullptr), ctx, out);
        pending_space_ = block_space(ctx);
        previous_paragraph_ = false;
    }

    void figure(const core::Image& image, const core::SourceSpan& at, const Context& ctx,
                VerticalList& out);
    void table(const core::Table& t, const core::SourceSpan& at, const Context& ctx,
               VerticalList& out);

    // ---- boxes ----------------------------------------------------------------------------

    double block_space(const Context& ctx) const { return ctx.tight ? 0 : ctx.text->leading / 2; }

    void separate(const Context& ctx) {
        pending_space_ = std::max(pending_space_, block_space(ctx));
    }

    VBox make_box(SetLine line, const Context&, std::string line_role, bool may_break,
                  const Structure& node) {
        VBox box;
        if (node) tag_items(line.items, node);
        box.metrics.height = line.height;
        box.metrics.break_before = may_break;
        for (auto& [p, it] : line.items)
            if (auto* tl = std::get_if<TextLine>(&it)) {
                tl->role = line_role;
                tl->ratio = line.ratio;
                tl->hyphenated = line.hyphenated;
            }
        box.items = std::move(line.items);
        box.dump_label = line_role;
        pending_footnotes_ = std::move(line.footnotes);
        return box;
    }

    void push_lines(SetParagraph set, const Context& ctx, const std::string& kind, Keep keep,
                    VerticalList& out, const Structure& node) {
        std::size_t n = set.lines.size();
        for (std::size_t k = 0; k < n; ++k)
            push(make_box(std::move(set.lines[k]), ctx, role(kind, k, n), break_allowed(keep, k, n),
                          node),
                 ctx, out, set.rtl);
    }

    // H1…H6 by the heading's place among the headings before it rather than its printed level,
    // so that no level is skipped for a screen reader's outline (a post whose sections start
    // at "###" under its title still reads H1, H2); the title is level 0.
    Structure heading_structure(int level, const Context& ctx) {
        while (!heading_levels_.empty() && heading_levels_.back() >= level)
            heading_levels_.pop_back();
        heading_levels_.push_back(level);
        const auto rank = std::min<std::size_t>(heading_levels_.size(), 6);
        return make_structure("H" + std::to_string(rank), ctx.parent);
    }

    // Places the box: shifts it to the context's left edge, applies the pending space, keep
    // and list marker, draws quote bars, and attaches footnotes first referred to on it.
    // A right-to-left paragraph mirrors its container: the indent, list marker and quote bars
    // stand on the right, where its lines start.
    void push(VBox box, const Context& ctx, VerticalList& out, bool rtl = false) {
        if (rtl) offset_items(marker_, ctx.width + indent_step + 4, 0);
        // Markers are drawn first, so text extraction meets them where a reader does.
        box.items.insert(box.items.begin(), std::make_move_iterator(marker_.begin()),
                         std::make_move_iterator(marker_.end()));
        marker_.clear();
        offset_items(box.items, rtl ? env_.frame_width - ctx.left - ctx.width : ctx.left, 0);
        if (keep_with_previous_) {
            box.metrics.break_before = false;
            keep_with_previous_ = false;
        }
        box.metrics.space_before = out.empty() && !ctx.footnote ? 0 : pending_space_;
        pending_space_ = 0;
        for (double x : ctx.bars)
            box.items.emplace_back(
                Point{rtl ? env_.frame_width - x - quote_bar : x, -box.metrics.space_before},
                Rule{Size{quote_bar, box.metrics.height + box.metrics.space_before},
                     rgb(style_.rule_color)});
        if (ctx.footnote)
            pending_footnotes_.clear();  // notes within notes go to the end notes
        else
            attach_footnotes(box);
        out.push_back(std::move(box));
    }

    void attach_footnotes(VBox& box) {
        std::vector<int> numbers;
        numbers.swap(pending_footnotes_);
        for (int number : numbers) {
            auto it = footnotes_.find(number);
            if (it == footnotes_.end() || !placed_.insert(number).second) continue;
            VerticalList notes = footnote(*it->second);
            for (auto& note : notes) {
                box.metrics.footnote_height += note.metrics.height + note.metrics.space_before;
                box.footnotes.push_back(std::move(note));
            }
        }
    }

    // A footnote's lines, numbered, at full width in the footnote style. The surrounding walk's
    // state is saved: a footnote is set in the middle of a paragraph's lines.
    VerticalList footnote(const core::FootnoteDefinition& f) {
        const double saved_space = pending_space_;
        const bool saved_keep = keep_with_previous_, saved_previous = previous_paragraph_;
        auto saved_marker = std::move(marker_);
        const double hang = 14;
        Context ctx{hang,
                    env_.frame_width - hang,
                    &style_.footnote,
                    {},
                    true,
                    true,
                    make_structure("Note", env_.structure)};
        VerticalList notes;
        pending_space_ = 2;  // a little air between notes
        keep_with_previous_ = false;
        previous_paragraph_ = false;
        marker_ = marker_text(std::to_string(f.number) + ".", ctx);
        tag_items(marker_, make_structure("Lbl", ctx.parent));
        blocks(f.children, ctx, notes);
        if (!notes.empty())  // where the reference's link leads
            notes.front().items.insert(notes.front().items.begin(),
                                       {Point{0, 0}, Anchor{footnote_anchor(f.number), "", 0}});
        pending_space_ = saved_space;
        keep_with_previous_ = saved_keep;
        previous_paragraph_ = saved_previous;
        marker_ = std::move(saved_marker);
        return notes;
    }

    // Footnotes that no line refers to (or that are referred to only from other footnotes)
    // still reach the reader: after the text, under a short rule.
    void end_notes(VerticalList& out) {
        bool first = true;
        for (const auto& [number, def] : footnotes_) {
            if (placed_.count(number)) continue;
            placed_.insert(number);
            if (first) {
                Context ctx{0, env_.frame_width, &style_.body, {}, false, false, nullptr};
                pending_space_ = style_.body.leading;
                rule(ctx, out);
                first = false;
            }
            VerticalList notes = footnote(*def);
            for (auto& note : notes) out.push_back(std::move(note));
        }
    }

    // ---- markers --------------------------------------------------------------------------

    std::vector<std::pair<Point, Item>> marker_text(const std::string& text, const Context& ctx) {
        TextSpan span{text, false, false, false, {}, 0, 0};
        SetParagraph set = env_.setter.set({span}, *ctx.text, indent_step - 4, 0, TextAlign::end);
        if (set.lines.empty()) return {};
        auto items = std::move(set.lines.front().items);
        for (auto& [p, it] : items)
            if (auto* tl = std::get_if<TextLine>(&it)) tl->role = "marker";
        // Into the indent before the item's text, which push() shifts by the context's left.
        offset_items(items, -indent_step, 0);
        return items;
    }

    std::vector<std::pair<Point, Item>> list_marker(const core::List& l, int number,
                                                    core::TaskState task, const Context& ctx) {
        if (task != core::TaskState::none) {
            // A drawn box (and a filled square inside when done): no glyph to miss, no text
            // that a copy would pick up.
            const double s = ctx.text->size * 0.75, t = 0.6;
            double x = -indent_step + 2, y = (ctx.text->leading - s) / 2;
            Rgb c = rgb(ctx.text->color);
            std::vector<std::pair<Point, Item>> box = {
                {{x, y}, Rule{{s, t}, c}},
                {{x, y + s - t}, Rule{{s, t}, c}},
                {{x, y}, Rule{{t, s}, c}},
                {{x + s - t, y}, Rule{{t, s}, c}},
            };
            if (task == core::TaskState::checked)
                box.push_back({{x + 2 * t, y + 2 * t}, Rule{{s - 4 * t, s - 4 * t}, c}});
            return box;
        }
        if (l.ordered) return marker_text(std::to_string(number) + ".", ctx);
        // Bullets are drawn, not set: no glyph to fall back for, and nothing for text extraction
        // to misplace around right-to-left items. Filled, hollow, then small by depth.
        const int depth =
            std::clamp(static_cast<int>(std::lround(ctx.left / indent_step)) - 1, 0, 2);
        const double size = ctx.text->size;
        const double s = depth == 2 ? size * 0.22 : size * 0.3, t = 0.5;
        const double x = -indent_step + 6;
        const double y = (ctx.text->leading - size) / 2 + size * 0.88 - size * 0.3 - s / 2;
        const Rgb c = rgb(ctx.text->color);
        if (depth != 1) return {{{x, y}, Rule{{s, s}, c}}};
        return {{{x, y}, Rule{{s, t}, c}},
                {{x, y + s - t}, Rule{{s, t}, c}},
                {{x, y}, Rule{{t, s}, c}},
                {{x + s - t, y}, Rule{{t, s}, c}}};
    }

    const core::Document& doc_;
    BlockEnvironment& env_;
    const styles::Style& style_;
    std::map<int, const core::FootnoteDefinition*> footnotes_;
    std::set<int> placed_;
    std::vector<int> pending_footnotes_;
    std::vector<std::pair<Point, Item>> marker_;
    double pending_space_ = 0;
    bool keep_with_previous_ = false;
    bool previous_paragraph_ = false;
    int next_table_ = 0;               // tables are paginator groups, each its own
    std::vector<int> heading_levels_;  // printed levels of the open headings, outermost first
};

void BlockLayout::figure(const core::Image& image, const core::SourceSpan& at, const Context& ctx,
                         VerticalList& out) {
    separate(ctx);
    VerticalList boxes;
    layout_figure(image, at, 0, ctx.width, env_.frame_height, env_.setter, env_.resources,
                  env_.document_dir, boxes);
    auto node = std::make_shared<StructureNode>();
    node->type = "Figure";
    node->parent = ctx.parent;
    node->alt = figure_description(image);
    for (auto& box : boxes) {
        tag_items(box.items, node);
        push(std::move(box), ctx, out);
    }
    pending_space_ = block_space(ctx);
    previous_paragraph_ = false;
}

void BlockLayout::table(const core::Table& t, const core::SourceSpan&, const Context& ctx,
                        VerticalList& out) {
    separate(ctx);
    VerticalList boxes;
    std::vector<std::vector<int>> notes;  // per row: the footnotes its cells refer to
    layout_table(t, 0, ctx.width, env_.setter, style_, next_table_++, boxes, &notes, ctx.parent);
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        if (i < notes.size()) pending_footnotes_ = notes[i];
        push(std::move(boxes[i]), ctx, out);
    }
    pending_space_ = block_space(ctx);
    previous_paragraph_ = false;
}

}  // namespace

VerticalList layout_blocks(const core::Document& doc, BlockEnvironment& env) {
    return BlockLayout(doc, env).run();
}

}  // namespace broadside::pdf
