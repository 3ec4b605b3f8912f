// Letters for window envelopes: the first page's fixed zones (LETTERS.md) around a text that
// flows like any document, with the keeps a letter needs on top.
#include "letter_layout.hpp"

#include <algorithm>
#include <cmath>

#include "broadside/core/date_text.hpp"
#include "broadside/core/diagnostics.hpp"
#include "broadside/core/image_header.hpp"
#include "broadside/core/language_tag.hpp"
#include "broadside/core/letter.hpp"
#include "broadside/core/merge.hpp"
#include "broadside/pdf/item_offset.hpp"
#include "broadside/styles/words.hpp"
#include "picture_probe.hpp"
#include "structure_tags.hpp"

namespace broadside::pdf {
namespace {

constexpr double mm = 72.0 / 25.4;

Rgb rgb(const styles::Color& c) {
    return {c.r, c.g, c.b};
}

TextSpan plain(const std::string& text, bool bold = false, bool italic = false) {
    return TextSpan{text, bold, italic, false, {}, 0, 0};
}

/// A side of the sheet: the envelope and the mirrored zones of right-to-left letters are
/// placed by side, not by a line's own start and end.
enum class Side { left, right };

/// A measure the setter never breaks a line in: single-line elements are set in it, then
/// moved into their real measure by their ink (`place_on_side`).
constexpr double unbounded = 1e6;

/// Where a one-line element goes: a line against the left side starts at `left`, one against
/// the right side ends at `right`; `width` is the room either has. The two differ where a
/// clearance is mirrored (the window's indent) and not the box.
struct Measure {
    double left = 0, right = 0, width = 0;
};

Measure box(double x, double w) {
    return {x, x + w, w};
}

/// Moves one set line so its ink sits against `side` of `m`; the line box moves to the ink
/// too, so nothing keeps the unbounded measure's coordinates. Returns the ink's width.
double place_on_side(std::vector<std::pair<Point, Item>>& items, const Measure& m, double y,
                     Side side) {
    auto [from, to] = text_extent(items);
    double dx = side == Side::left ? m.left - from : m.right - to;
    offset_items(items, dx, y);
    for (auto& [at, item] : items)
        if (std::holds_alternative<TextLine>(item)) at.x = from + dx;
    return to - from;
}

class LetterLayout {
  public:
    LetterLayout(const core::Document& doc, BlockEnvironment& env, const core::Letter& letter)
        : doc_(doc),
          env_(env),
          style_(env.style),
          geo_(env.style.letter),
          letter_(letter),
          setter_(env.setter),
          rtl_(core::is_rtl_language(letter.lang)),
          words_(styles::words_for(letter.lang, env.style.words)) {}

    bool build(VerticalList& list) {
        if (!address_fits()) return false;
        opening_matter(list);
        std::size_t body_start = list.size();
        VerticalList body = layout_blocks(doc_, env_);
        if (!body.empty() && body_start > 0) {
            body.front().metrics.break_before = false;  // the opening stays with what follows
            body.front().metrics.space_before =
                letter_.opening.empty() ? style_.body.leading : style_.paragraph_spacing;
        }
        for (auto& box : body) list.push_back(std::move(box));
        closing(list);
        signatories(list);
        trailer(list);
        return true;
    }

    PagePlan plan() const {
        PagePlan plan;
        const double width = style_.page_width - style_.margin_left - style_.margin_right;
        const double bottom = style_.page_height - style_.margin_bottom;
        double first_top = std::max(geo_.body_top, style_.margin_top);
        plan.bodies.push_back(
            Rect{Point{style_.margin_left, first_top}, Size{width, bottom - first_top}});
        double later_top = style_.margin_top + 2 * style_.footnote.leading;
        plan.bodies.push_back(
            Rect{Point{style_.margin_left, later_top}, Size{width, bottom - later_top}});
        plan.decorate = [this, width](Page& page, std::size_t n, std::size_t count) {
            if (n == 0) first_page(page);
            std::string of = words_.page_of(n + 1, count);
            if (n > 0) {
                std::string head =
                    letter_.recipient.empty() ? std::string() : letter_.recipient.front();
                if (!date_text_.empty()) head += (head.empty() ? "" : " \u2014 ") + date_text_;
                head += (head.empty() ? "" : " \u2014 ") + of;
                page.frames.push_back(furniture_line(setter_, head, "continuation-head",
                                                     Point{style_.margin_left, style_.margin_top},
                                                     width, TextAlign::start, true, rtl_));
            }
            if (count > 1)
                page.frames.push_back(furniture_line(
                    setter_, of, "page-number",
                    Point{style_.margin_left, style_.page_height - style_.margin_bottom / 2 -
                                                  style_.footnote.leading / 2},
                    width, TextAlign::center, false, rtl_));
        };
        return plan;
    }

  private:
    double width() const { return env_.frame_width; }

    // A part of the letter (Address, Subject, Signature…): a paragraph to a screen reader,
    // under its own name (the PDF writer's role map).
    Structure part(const char* type) const { return make_structure(type, env_.structure); }

    Structure figure(std::string alt) const {
        auto node = std::make_shared<StructureNode>();
        node->type = "Figure";
        node->parent = env_.structure;
        node->alt = std::move(alt);
        return node;
    }

    std::string sender_name() const {
        return letter_.letterhead_text.empty() ? "letterhead" : letter_.letterhead_text.front();
    }

    // Where the letter's lines start and end: mirrored in a right-to-left letter.
    Side start_side() const { return rtl_ ? Side::right : Side::left; }
    Side end_side() const { return rtl_ ? Side::left : Side::right; }
    // x of the column `c` of `n` equal columns `column` wide across the text width, counted
    // from the side the letter starts from.
    double column_x(std::size_t c, double column, double gap) const {
        double from_start = (column + gap) * static_cast<double>(c);
        return rtl_ ? width() - column - from_start : from_start;
    }

    // ---- the window ---------------------------------------------------------------------

    // The address keeps clear of the window's edges (the style's `address-clearance`, or 3 mm
    // at the sides and 4 mm above and below, where 1 mm more holds the accents and descenders
    // that reach out of a line's box), so the insert's play in the envelope never hides a line.
    double clearance_x() const { return geo_.address_clearance.value_or(3 * mm); }
    double clearance_y() const { return geo_.address_clearance.value_or(4 * mm); }
    double address_top() const {
        return std::max(geo_.address_y + geo_.return_line_height + geo_.notes_height,
                        geo_.address_y + clearance_y());
    }
    double address_zone() const {
        return geo_.address_y + geo_.address_height - clearance_y() - address_top();
    }

    // The zone is set for the style's `address-lines` (DIN 5008: six); the leading follows
    // from the zone, but never drops under 10 pt, and the type is the leading's 1/1.2.
    styles::TextStyle address_style() const {
        styles::TextStyle ts = style_.body;
        ts.leading = std::clamp(address_zone() / geo_.address_lines, 10.0, style_.body.leading);
        ts.size = std::min(style_.body.size, ts.leading / 1.2);
        return ts;
    }

    bool address_fits() {
        if (geo_.address_height <= 0) return true;
        auto lines = std::min(
            static_cast<std::size_t>(geo_.address_lines),
            static_cast<std::size_t>(std::floor(address_zone() / address_style().leading + 1e-6)));
        if (letter_.recipient.size() <= lines) return true;
        const core::MetaValue* to = doc_.meta.find("to");
        env_.setter.diags().error(
            doc_.source_path, to ? to->span.line : 0, to ? to->span.column : 0,
            "the recipient address has " + std::to_string(letter_.recipient.size()) +
                " lines; the address field of " + core::quote_value(style_.name) + " holds " +
                std::to_string(lines),
            "shorten 'to:' to " + std::to_string(lines) +
                " lines, e.g. join the street and number");
        return false;
    }

    // ---- first-page zones -----------------------------------------------------------------

    void first_page(Page& page) const {
        Frame zones{Rect{Point{0, 0}, Size{style_.page_width, style_.page_height}}, {}};
        letterhead(zones);
        if (geo_.address_height > 0) window(zones);
        if (geo_.info_width > 0) info_block(zones);
        if (geo_.marks) marks(zones);
        page.frames.insert(page.frames.begin(), std::move(zones));
    }

    // A zone's text in `w` from `at`, wrapped if it must, in the letter's direction; returns
    // the height it took.
    double add_line(Frame& frame, const TextSpan& span, const styles::TextStyle& ts, Point at,
                    double w, TextAlign align, const std::string& role,
                    const Structure& node) const {
        const double top = at.y;
        SetParagraph set = setter_.set({span}, ts, w, 0, align, rtl_);
        for (auto& line : set.lines) {
            for (auto& [p, item] : line.items)
                if (auto* tl = std::get_if<TextLine>(&item)) tl->role = role;
            tag_items(line.items, node);
            offset_items(line.items, at.x, at.y);
            for (auto& it : line.items) frame.items.push_back(std::move(it));
            at.y += line.height;
        }
        return at.y - top;
    }

    // One line of a zone, never wrapped: set unbounded (in the direction `rtl` forces, else
    // its own: "1201 Geneva" must not turn into "Geneva 1201" in a Uyghur letterhead), then
    // put against `side` of `m`, or without a side against the side it starts from. Returns
    // the ink's width, so the caller can tell a line past its measure.
    double one_line(Frame& frame, const TextSpan& span, const styles::TextStyle& ts, double y,
                    const Measure& m, std::optional<Side> side, const std::string& role,
                    const Structure& node, std::optional<bool> rtl = std::nullopt) const {
        SetParagraph set = setter_.set({span}, ts, unbounded, 0, TextAlign::start, rtl);
        if (set.lines.empty()) return 0;
        auto& items = set.lines.front().items;
        for (auto& [p, item] : items)
            if (auto* tl = std::get_if<TextLine>(&item)) tl->role = role;
        tag_items(items, node);
        Side where = side ? *side : set.rtl ? Side::right : Side::left;
        double ink = place_on_side(items, m, y, where);
        for (auto& it : items) frame.items.push_back(std::move(it));
        return ink;
    }

    void letterhead(Frame& zones) const {
        const double right = style_.page_width - style_.margin_right;
        const double left = style_.margin_left;
        const double top = 10 * mm;
        const double room = std::max(
            12.0, (geo_.address_height > 0 ? geo_.address_y : geo_.body_top) - top - 3 * mm);
        // The front matter's letterhead first; else the style's (an organisation's house
        // style names its letterhead once for all its letters).
        std::string image = letter_.letterhead_image;
        if (image.empty() && !doc_.meta.find("letterhead")) image = geo_.letterhead;
        if (!image.empty()) {
            core::ImageProbe probe = probe_picture(image, env_.resources.limits());
            if (probe.header) {
                double w = probe.header->width * 0.75, h = probe.header->height * 0.75;
                double scale = std::min({1.0, (right - left) / w, room / h});
                double x = end_side() == Side::right ? right - w * scale : left;
                Image logo{Size{w * scale, h * scale}, image, probe.header->format, "letterhead",
                           figure(sender_name())};
                zones.items.emplace_back(Point{x, top}, std::move(logo));
                return;
            }
            env_.setter.diags().warning(doc_.source_path, 0, 0, probe.problem, "");
        }
        // The sender's address and contact lines under the name, small, when the letterhead is
        // the sender's name (a window envelope without a return line shows no other).
        std::vector<std::string> head = letter_.letterhead_text;
        std::vector<std::string> address, contact;
        if (head.size() == 1) {
            address = letter_.sender_address;
            contact = letter_.sender_contact;
        }
        styles::TextStyle small = style_.footnote;
        const double name_leading = head.empty() ? 0 : style_.headings[2].leading;
        auto height = [&] {
            std::size_t n = head.size() + address.size() + contact.size();
            return name_leading + static_cast<double>(n > 0 ? n - 1 : 0) * small.leading;
        };
        // A zone too low for every line gets the address, then the contacts, on one line each,
        // then smaller type: a letterhead loses no line (a country last of all) in silence.
        auto joined = [](const std::vector<std::string>& lines) {
            std::string out;
            for (const auto& l : lines) out += (out.empty() ? "" : " \u00B7 ") + l;
            return std::vector<std::string>{out};
        };
        if (height() > room && address.size() > 1) address = joined(address);
        if (height() > room && contact.size() > 1) contact = joined(contact);
        if (height() > room && height() > name_leading) {
            double scale = std::max(0.7, (room - name_leading) / (height() - name_leading));
            small.size *= scale;
            small.leading *= scale;
        }
        head.insert(head.end(), address.begin(), address.end());
        head.insert(head.end(), contact.begin(), contact.end());
        double y = top;
        const Structure node = part("Letterhead");
        for (std::size_t i = 0; i < head.size(); ++i) {
            const styles::TextStyle& ts = i == 0 ? style_.headings[2] : small;
            if (y + ts.leading > top + room + 0.01) {
                env_.setter.diags().warning(
                    doc_.source_path, 0, 0,
                    "the letterhead has more lines than its zone holds; " +
                        core::quote_value(head[i]) + " and the lines after it are left out",
                    "give 'letterhead:' fewer lines, or a letterhead image");
                break;
            }
            one_line(zones, plain(head[i], i == 0), ts, y, box(left, right - left), end_side(),
                     "letterhead", node);
            y += ts.leading;
        }
    }

    // The window's measure: the address indent on the side a line starts from, the clearance
    // at the other edge. The envelope is not mirrored; the clearances of a right-to-left line
    // are.
    Measure window_measure() const {
        const double inset = std::max(geo_.address_indent, clearance_x());
        const double right = geo_.address_x + geo_.address_width;
        return {geo_.address_x + inset, right - inset, geo_.address_width - clearance_x() - inset};
    }

    void window(Frame& zones) const {
        const Measure m = window_measure();
        const double x = start_side() == Side::left ? m.left : m.right - m.width;
        styles::TextStyle small = style_.footnote;
        small.size = std::min(small.size, 7.5);
        small.leading = std::min(small.leading, std::max(geo_.return_line_height, 8.0));
        if (geo_.return_line_height > 0 && !letter_.return_line.empty()) {
            // One line, always: a long sender address is set smaller (down to 5.5 pt) rather
            // than wrapped out of its zone.
            const double y = geo_.address_y + geo_.return_line_height - small.leading;
            Frame line;
            const Structure node = part("ReturnAddress");
            double ink = one_line(line, plain(letter_.return_line), small, y, m, start_side(),
                                  "return-line", node, rtl_);
            if (ink > m.width) {
                small.size = std::max(5.5, small.size * m.width / ink * 0.99);
                line.items.clear();
                ink = one_line(line, plain(letter_.return_line), small, y, m, start_side(),
                               "return-line", node, rtl_);
                if (ink > m.width)
                    env_.setter.diags().warning(
                        doc_.source_path, 0, 0,
                        "the return-address line is too long for the window",
                        "give a shorter 'from: return-line:'");
            }
            for (auto& it : line.items) zones.items.push_back(std::move(it));
            zones.items.emplace_back(Point{x, y + small.leading - 0.5},
                                     Rule{Size{m.width, 0.3}, rgb(style_.rule_color)});
        }
        if (geo_.notes_height > 0 && !letter_.notes.empty()) {
            double y = geo_.address_y + geo_.return_line_height + geo_.notes_height - small.leading;
            add_line(zones, plain(letter_.notes, true), small, Point{x, y}, m.width,
                     TextAlign::start, "notes", part("PostalNotes"));
        }
        styles::TextStyle ts = address_style();
        double y = address_top();
        const Structure address = part("Address");
        for (const auto& line : letter_.recipient) {
            // One line each, never wrapped, justified or hyphenated, in its own direction: a
            // Uyghur name stands against the window's right edge, a Latin street against
            // its left, whatever the letter's language.
            if (one_line(zones, plain(line), ts, y, m, std::nullopt, "address", address) > m.width)
                env_.setter.diags().warning(
                    doc_.source_path, 0, 0,
                    "address line " + core::quote_value(line) + " is wider than the window",
                    "shorten it, or it shows only in part");
            y += ts.leading;
        }
    }

    // Labels in the letter's language; a reference key no table knows ("case-no") is
    // printed as it is, capitalised ("Case no").
    std::vector<std::pair<std::string, std::string>> info_rows() const {
        std::vector<std::pair<std::string, std::string>> rows;
        for (const auto& [key, value] : letter_.references) {
            std::string label = words_.get(key);
            if (label.empty()) {
                label = key;
                std::replace(label.begin(), label.end(), '-', ' ');
                if (!label.empty() && label[0] >= 'a' && label[0] <= 'z')
                    label[0] = char(label[0] - 'a' + 'A');
            }
            rows.emplace_back(label, value);
        }
        if (!date_text_.empty()) rows.emplace_back(words_.get("date"), date_text_);
        if (!letter_.place.empty()) rows.emplace_back(words_.get("place"), letter_.place);
        return rows;
    }

    void info_block(Frame& zones) const {
        const double label_width = 30 * mm;
        double y = geo_.info_y;
        styles::TextStyle label = style_.footnote;
        label.color = style_.rule_color;
        // Labels on the side the letter starts from, values beside them; a long value wraps
        // in its column and pushes the next row down.
        const double value_width = geo_.info_width - label_width;
        const double label_x = rtl_ ? geo_.info_x + value_width : geo_.info_x;
        const double value_x = rtl_ ? geo_.info_x : geo_.info_x + label_width;
        // One element for the block: each label read before its value.
        const Structure row = part("InfoBlock");
        for (const auto& [k, v] : info_rows()) {
            double h = add_line(zones, plain(k), label, Point{label_x, y + 1}, label_width,
                                TextAlign::start, "info-label", row);
            h = std::max(h, add_line(zones, plain(v), style_.body, Point{value_x, y}, value_width,
                                     TextAlign::start, "info", row));
            y += std::max(h, style_.body.leading);
        }
    }

    void marks(Frame& zones) const {
        const Rgb c = rgb(style_.rule_color);
        for (double y : geo_.fold_marks)
            zones.items.emplace_back(Point{4 * mm, y}, Rule{Size{5 * mm, 0.4}, c});
        if (geo_.hole_mark > 0)
            zones.items.emplace_back(Point{4 * mm, geo_.hole_mark}, Rule{Size{8 * mm, 0.4}, c});
    }

    // ---- the text -------------------------------------------------------------------------

    void push_set(SetParagraph set, const std::string& kind, bool keep, double space,
                  VerticalList& list, const Structure& node) {
        std::size_t n = set.lines.size();
        for (std::size_t k = 0; k < n; ++k) {
            VBox box;
            box.metrics.height = set.lines[k].height;
            box.metrics.break_before = !keep && k == 0;
            box.metrics.space_before = k == 0 && !list.empty() ? space : 0;
            for (auto& [p, item] : set.lines[k].items)
                if (auto* tl = std::get_if<TextLine>(&item))
                    tl->role = kind + " " + std::to_string(k + 1) + "/" + std::to_string(n);
            tag_items(set.lines[k].items, node);
            box.items = std::move(set.lines[k].items);
            box.dump_label = kind;
            list.push_back(std::move(box));
        }
    }

    void opening_matter(VerticalList& list) {
        const double gap = style_.body.leading;
        // Without a window the address opens the text; without an info block the date does.
        if (geo_.address_height <= 0 && !letter_.recipient.empty()) {
            const Structure address = part("Address");
            for (const auto& line : letter_.recipient)
                push_set(setter_.set({plain(line)}, style_.body, width(), 0, TextAlign::start),
                         "address", !list.empty(), 0, list, address);
        }
        if (geo_.info_width <= 0) {
            std::string dated = letter_.place.empty() ? date_text_
                                : date_text_.empty()  ? letter_.place
                                                      : letter_.place + ", " + date_text_;
            if (!dated.empty())
                push_set(setter_.set({plain(dated)}, style_.body, width(), 0, TextAlign::end, rtl_),
                         "date", !list.empty(), list.empty() ? 0 : gap, list, part("Date"));
        }
        if (!letter_.subject.empty())
            push_set(setter_.set({plain(letter_.subject, true)}, style_.body, width(), 0,
                                 TextAlign::start, rtl_),
                     "subject", !list.empty(), gap, list, part("Subject"));
        if (!letter_.opening.empty())
            push_set(setter_.set({plain(letter_.opening)}, style_.body, width(), 0,
                                 TextAlign::start, rtl_),
                     "opening", true, gap, list, part("Salutation"));
        if (!list.empty()) list.front().metrics.space_before = 0;
    }

    // Closing and signatures: one block that never splits and takes the last body line with
    // it (the body's own orphan rule then keeps a second one).
    void closing(VerticalList& list) {
        if (letter_.closing.empty() && letter_.signatures.empty()) return;
        if (!list.empty()) list.back().metrics.break_before = false;
        const double gap = style_.body.leading;
        if (!letter_.closing.empty())
            push_set(setter_.set({plain(letter_.closing)}, style_.body, width(), 0,
                                 TextAlign::start, rtl_),
                     "closing", true, gap, list, part("Closing"));
        if (letter_.signatures.empty()) return;
        const std::size_t n = letter_.signatures.size();
        const double column_gap = 8 * mm;
        const double column =
            (width() - column_gap * static_cast<double>(n - 1)) / static_cast<double>(n);
        // Room for the handwritten signatures (or their images).
        const double sign_space = 3 * style_.body.leading;
        VBox space;
        space.metrics.height = sign_space;
        space.metrics.break_before = false;
        space.dump_label = "signature-space";
        for (std::size_t i = 0; i < n; ++i) {
            const auto& sig = letter_.signatures[i];
            if (sig.image.empty()) continue;
            core::ImageProbe probe = probe_picture(sig.image, env_.resources.limits());
            if (!probe.header) {
                env_.setter.diags().warning(doc_.source_path, 0, 0, probe.problem, "");
                continue;
            }
            double w = probe.header->width * 0.75, h = probe.header->height * 0.75;
            double scale = std::min({1.0, column / w, (sign_space - 4) / h});
            double x = column_x(i, column, column_gap) + (rtl_ ? column - w * scale : 0);
            space.items.emplace_back(
                Point{x, sign_space - h * scale - 2},
                Image{Size{w * scale, h * scale}, sig.image, probe.header->format,
                      "signature of " + sig.name, figure("signature of " + sig.name)});
        }
        list.push_back(std::move(space));
        std::vector<std::vector<SetLine>> columns;
        std::size_t rows = 0;
        for (const auto& sig : letter_.signatures) {
            std::vector<SetLine> lines;
            const Structure node = part("Signature");
            for (const auto* part : {&sig.name, &sig.title, &sig.org}) {
                if (part->empty()) continue;
                SetParagraph set = setter_.set({plain(*part, part == &sig.name)}, style_.body,
                                               column, 0, TextAlign::start, rtl_);
                for (auto& l : set.lines) {
                    tag_items(l.items, node);
                    lines.push_back(std::move(l));
                }
            }
            rows = std::max(rows, lines.size());
            columns.push_back(std::move(lines));
        }
        for (std::size_t r = 0; r < rows; ++r) {
            VBox row;
            row.metrics.height = style_.body.leading;
            row.metrics.break_before = false;
            row.dump_label = "signature";
            for (std::size_t c = 0; c < columns.size(); ++c) {
                if (r >= columns[c].size()) continue;
                auto items = std::move(columns[c][r].items);
                for (auto& [p, item] : items)
                    if (auto* tl = std::get_if<TextLine>(&item))
                        tl->role = "signature " + std::to_string(c + 1);
                offset_items(items, column_x(c, column, column_gap), 0);
                for (auto& it : items) row.items.push_back(std::move(it));
            }
            list.push_back(std::move(row));
        }
    }

    // Co-signers in balanced columns, read down each column; a page may break between rows,
    // never leaving a single row behind or alone.
    void signatories(VerticalList& list) {
        const auto& s = letter_.signatories;
        if (s.count() == 0) return;
        const double gap = 1.5 * style_.body.leading;
        const auto cols = static_cast<std::size_t>(std::clamp(s.columns, 1, 3));
        const double column_gap = 6 * mm;
        const double column =
            (width() - column_gap * static_cast<double>(cols - 1)) / static_cast<double>(cols);
        bool first = true;
        for (const auto& group : s.groups) {
            std::string heading = group.name.empty() ? words_.get("signatories") : group.name;
            push_set(setter_.set({plain(heading, true)}, style_.body, width(), 0, TextAlign::start,
                                 rtl_),
                     "signatories-heading", false, first ? gap : style_.body.leading / 2, list,
                     part("SignatoriesHeading"));
            // A list read down each column, though the rows are drawn across.
            auto members = std::make_shared<StructureNode>();
            members->type = "L";
            members->parent = env_.structure;
            members->list_numbering = "None";
            first = false;
            std::size_t rows = (group.members.size() + cols - 1) / cols;
            for (std::size_t r = 0; r < rows; ++r) {
                VBox row;
                row.metrics.break_before = r >= 2 && rows - r >= 2;
                row.dump_label = "signatories";
                double height = 0;
                for (std::size_t c = 0; c < cols; ++c) {
                    std::size_t i = c * rows + r;
                    if (i >= group.members.size()) continue;
                    SetParagraph set = setter_.set({plain(group.members[i])}, style_.footnote,
                                                   column, 0, TextAlign::start, rtl_);
                    auto item = std::make_shared<StructureNode>();
                    item->type = "LI";
                    item->parent = members;
                    item->order = i + 1;
                    const Structure body = make_structure("LBody", item);
                    double y = 0;
                    for (auto& line : set.lines) {
                        for (auto& [p, item] : line.items)
                            if (auto* tl = std::get_if<TextLine>(&item)) tl->role = "signatory";
                        tag_items(line.items, body);
                        offset_items(line.items, column_x(c, column, column_gap), y);
                        for (auto& it : line.items) row.items.push_back(std::move(it));
                        y += line.height;
                    }
                    height = std::max(height, y);
                }
                row.metrics.height = height;
                list.push_back(std::move(row));
            }
        }
    }

    void trailer(VerticalList& list) {
        const double gap = style_.body.leading;
        auto block = [&](const std::string& label, const std::vector<std::string>& lines,
                         const std::string& kind, const char* type) {
            if (lines.empty() || lines.front().empty()) return;
            // A label ending in a colon runs into its first item ("cc: Office…"); one without
            // (DIN 5008's "Anlagen") stands on a line of its own.
            const bool run_in = label.ends_with(":") || label.ends_with("\uFF1A");
            std::string text = label;
            for (std::size_t i = 0; i < lines.size(); ++i)
                text += (i == 0 && run_in ? " " : "\n") + lines[i];
            push_set(setter_.set({plain(text)}, style_.body, width(), 0, TextAlign::start, rtl_),
                     kind, false, gap, list, part(type));
        };
        block(words_.get("cc"), letter_.cc, "cc", "CarbonCopies");
        block(words_.get(letter_.enclosures.size() == 1 ? "enclosure" : "enclosures"),
              letter_.enclosures, "enclosures", "Enclosures");
        block(words_.get("ps"), {letter_.postscript}, "postscript", "Postscript");
    }

  public:
    std::string date_text_;

  private:
    const core::Document& doc_;
    BlockEnvironment& env_;
    const styles::Style& style_;
    const styles::LetterGeometry& geo_;
    const core::Letter& letter_;
    TextSetter& setter_;
    const bool rtl_;  ///< the letter's language is written right to left: its zones mirror
    const styles::Words words_;  ///< Date, Page X of Y, cc… in the letter's language
};

}  // namespace

std::optional<PagePlan> layout_letter(const core::Document& doc, BlockEnvironment& env,
                                      VerticalList& list) {
    core::Diagnostics& diags = env.setter.diags();
    auto letter = core::read_letter(doc, env.resources, diags);
    if (!letter) return std::nullopt;
    // `{{signatories.count}}` may stand in the text; mail merge has filled every other field
    // by now, so anything else left is a field without data.
    auto filled = std::make_shared<core::Document>(doc);
    const std::string count = std::to_string(letter->signatories.count());
    if (!core::fill_fields(
            *filled,
            [&count](std::string_view name) -> std::optional<std::string> {
                if (name == "signatories.count") return count;
                return std::nullopt;
            },
            "the letter (no --merge data)", diags))
        return std::nullopt;
    // The plan's decorations run after this function returns: what they use is kept alive by
    // the decoration itself.
    auto kept = std::make_shared<core::Letter>(std::move(*letter));
    auto layout = std::make_shared<LetterLayout>(*filled, env, *kept);
    if (kept->date) layout->date_text_ = core::DateText(kept->lang).format(*kept->date);
    if (!layout->build(list)) return std::nullopt;
    PagePlan plan = layout->plan();
    plan.decorate = [filled, kept, layout, decorate = plan.decorate](
                        Page& page, std::size_t n, std::size_t total) { decorate(page, n, total); };
    return plan;
}

}  // namespace broadside::pdf
