#include "line_builder.hpp"

#include <algorithm>

#include "broadside/core/language_tag.hpp"
#include "broadside/core/utf8.hpp"

#include "paragraph_items.hpp"

namespace broadside::pdf {
namespace {

/// UAX #9 L2: from the highest level down to the lowest odd one, reverse every maximal
/// sequence at that level or above. Segments keep their own glyph order, which HarfBuzz
/// already gave in visual order.
std::vector<std::size_t> visual_order(const ShapedParagraph& p, std::size_t begin,
                                      std::size_t end) {
    std::vector<std::size_t> order;
    std::vector<int> levels;
    int highest = 0, lowest_odd = 127;
    for (std::size_t i = begin; i < end; ++i) {
        int level = p.itemized.items[p.segments[i].item].level;
        order.push_back(i);
        levels.push_back(level);
        highest = std::max(highest, level);
        if (level & 1) lowest_odd = std::min(lowest_odd, level);
    }
    for (int level = highest; level >= lowest_odd && level > 0; --level) {
        for (std::size_t i = 0; i < order.size();) {
            if (levels[i] < level) {
                ++i;
                continue;
            }
            std::size_t j = i;
            while (j < order.size() && levels[j] >= level) ++j;
            std::reverse(order.begin() + static_cast<std::ptrdiff_t>(i),
                         order.begin() + static_cast<std::ptrdiff_t>(j));
            std::reverse(levels.begin() + static_cast<std::ptrdiff_t>(i),
                         levels.begin() + static_cast<std::ptrdiff_t>(j));
            i = j;
        }
    }
    return order;
}

/// Lines' text drawn struck through: a rule at the middle of the x-height, about as thick as
/// the faces' own strikeout strokes (Noto: 0.05 em).
constexpr double strike_height = 0.28;     // ems above the baseline
constexpr double strike_thickness = 0.05;  // ems

/// One line's segments as they are drawn: the paragraph's own, or the stand-ins of `setting`.
class LineView {
  public:
    LineView(const ShapedParagraph& p, LineRange line, const LineSetting& setting)
        : p_(p), begin_(line.begin), end_(line.end), setting_(setting) {
        while (end_ > begin_ && p.segments[end_ - 1].whitespace) --end_;
        // Only a line that ends right after a piece (no space trimmed, not the paragraph's
        // end) was broken at that piece's hyphenation point.
        hyphenated_ = end_ > begin_ && end_ == line.end && end_ < p.segments.size() &&
                      p.segments[end_ - 1].hyphen_after;
    }
    [[nodiscard]] const Segment& operator[](std::size_t i) const {
        if (i + 1 == end_ && setting_.last) return *setting_.last;
        if (i == begin_ && setting_.first) return *setting_.first;
        return p_.segments[i];
    }
    [[nodiscard]] std::size_t begin() const { return begin_; }
    [[nodiscard]] std::size_t end() const { return end_; }
    [[nodiscard]] bool hyphenated() const { return hyphenated_; }

  private:
    const ShapedParagraph& p_;
    std::size_t begin_, end_;  // end_: after the last segment with ink
    const LineSetting& setting_;
    bool hyphenated_ = false;
};

/// Segments that become one glyph run, in visual order.
struct RunGroup {
    std::vector<std::size_t> segments;
    const TextItem* item = nullptr;
};

bool same_run(const ShapedParagraph& p, const TextItem& a, const TextItem& b) {
    const TextSpan& x = p.itemized.spans[a.span];
    const TextSpan& y = p.itemized.spans[b.span];
    return a.face == b.face && (a.level & 1) == (b.level & 1) && x.link == y.link &&
           x.strike == y.strike && x.superscript == y.superscript && x.lang == y.lang &&
           a.script == b.script;
}

const std::string english = "en";

/// The language of a run that is not in its paragraph's: the one its text names, else the
/// usual language of its script when that is not the paragraph's script (a Uyghur word in
/// English text); empty when it is the paragraph's.
std::string run_language(const ShapedParagraph& p, const TextItem& item, std::string_view text) {
    const std::string& named = p.itemized.spans[item.span].lang;
    // Text without a language is English to readers of the PDF (pdf_writer.hpp).
    const std::string& lang = p.itemized.lang.empty() ? english : p.itemized.lang;
    if (!named.empty()) return named == lang ? std::string() : named;
    // One ICU lookup per language, not per run.
    thread_local std::string cached_lang, cached_script;
    if (cached_lang != lang) cached_script = core::likely_script(cached_lang = lang);
    if (item.script.empty() || item.script == "Zyyy" || item.script == "Zinh" ||
        item.script == cached_script)
        return {};
    // White space and punctuation between passages read in the line's language.
    bool letters = false;
    for (std::size_t at = 0; at < text.size() && !letters;)
        letters = !core::script_of_letter(core::decode_utf8(text, at)).empty();
    if (!letters) return {};
    // Uyghur or not is the paragraph's question: "2021-يىلى" alone has no Uyghur letter.
    bool uyghur = false;
    const std::string& whole = p.itemized.text;
    for (std::size_t at = 0; item.script == "Arab" && at < whole.size() && !uyghur;)
        uyghur = core::is_uyghur_letter(core::decode_utf8(whole, at));
    const std::string_view latin = cached_script == "Latn" ? std::string_view(lang) : english;
    std::string guess(core::passage_language(item.script, uyghur, lang, latin));
    return guess == lang ? std::string() : guess;
}

/// The glyph run of `group`: glyphs in visual order, each segment's adjustment `extra[i -
/// begin]` added to its last glyph, and the hyphen after the line's last segment when the line
/// is hyphenated (its text "-" closes the run's text, where the hyphen's cluster points).
GlyphRun make_run(const ShapedParagraph& p, const LineView& view, const RunGroup& group,
                  const std::vector<double>& extra, Rgb fill) {
    GlyphRun run;
    run.font = group.item->face;
    run.size = p.itemized.spans[group.item->span].superscript ? p.size * superscript_scale : p.size;
    run.fill = fill;
    run.rtl = group.item->level & 1;
    const std::size_t hyphen_at = view.hyphenated() ? view.end() - 1 : view.end();
    // The run's text is its segments in logical order; each glyph's cluster is shifted by
    // where its segment's text landed.
    std::vector<std::size_t> logical = group.segments;
    std::sort(logical.begin(), logical.end());
    run.text_offset = view[logical.front()].begin - view[view.begin()].begin;
    std::vector<std::size_t> offset(logical.size());
    for (std::size_t k = 0; k < logical.size(); ++k) {
        const Segment& s = view[logical[k]];
        offset[k] = run.text.size();
        run.text.append(p.itemized.text, s.begin, s.end - s.begin);
        if (logical[k] == hyphen_at) run.text += '-';
    }
    for (std::size_t index : group.segments) {
        auto at = std::lower_bound(logical.begin(), logical.end(), index) - logical.begin();
        auto shift = static_cast<std::uint32_t>(offset[static_cast<std::size_t>(at)]);
        const Segment& s = view[index];
        std::size_t first = run.glyphs.size();
        for (Glyph g : s.glyphs) {
            g.cluster += shift;
            run.glyphs.push_back(g);
        }
        if (run.glyphs.size() > first) run.glyphs.back().x_advance += extra[index - view.begin()];
        if (index == hyphen_at)
            for (Glyph g : s.hyphen) {
                g.cluster += shift;
                run.glyphs.push_back(g);
            }
    }
    run.lang = run_language(p, *group.item, run.text);
    return run;
}

/// The line's adjustment ratio (TeX's glue set ratio) and how much each segment grows or
/// gives when it is applied.
struct Adjustment {
    double ratio = 0;           // reported: >0 stretched, <0 shrunk, -1 also for overfull lines
    std::vector<double> extra;  // points per segment from the view's begin
    double width = 0;           // the line's width once adjusted
};

Adjustment adjust(const ShapedParagraph& p, const LineView& view, double width,
                  const LineSetting& setting) {
    Adjustment a;
    double natural = 0, stretch = 0, shrink = 0;
    for (std::size_t i = view.begin(); i < view.end(); ++i) {
        natural += view[i].width;
        if (i + 1 == view.end()) continue;  // flex after the last segment is not in the line
        Flex f = segment_flex(p, i);
        stretch += f.stretch;
        shrink += f.shrink;
    }
    if (view.hyphenated()) natural += view[view.end() - 1].hyphen_width;
    double gap = width - natural;
    constexpr double exact = 1e-6;  // points: rounding, not a real gap
    if (gap > exact && !setting.ends_paragraph)
        a.ratio = stretch > 0 ? gap / stretch : kp_infinity;
    else if (gap < -exact)
        a.ratio = shrink > 0 ? std::max(-1.0, gap / shrink) : -1;
    // Lines always shrink when they must; they stretch only when justified.
    double applied = a.ratio < 0 || setting.justify ? a.ratio : 0;
    a.extra.assign(view.end() - view.begin(), 0);
    a.width = natural;
    for (std::size_t i = view.begin(); i + 1 < view.end() && applied != 0; ++i) {
        Flex f = segment_flex(p, i);
        double d = applied > 0 ? applied * f.stretch : applied * f.shrink;
        a.extra[i - view.begin()] = d;
        a.width += d;
    }
    return a;
}

}  // namespace

std::vector<std::pair<Point, Item>> place_line(const ShapedParagraph& p, LineRange line,
                                               double left, double width, double baseline,
                                               const LineColors& colors,
                                               const LineSetting& setting) {
    LineView view(p, line, setting);
    Adjustment adjustment = adjust(p, view, width, setting);
    std::vector<RunGroup> groups;
    for (std::size_t index : visual_order(p, view.begin(), view.end())) {
        const TextItem& item = p.itemized.items[view[index].item];
        if (!groups.empty() && same_run(p, *groups.back().item, item))
            groups.back().segments.push_back(index);
        else
            groups.push_back({{index}, &item});
    }
    std::vector<std::pair<Point, Item>> out;
    std::vector<std::pair<Point, Item>> strikes;
    std::vector<std::pair<Point, GlyphRun>> runs;
    const bool rtl = p.itemized.base_level & 1;
    const double room = width - adjustment.width;
    double x = left;
    switch (setting.align) {
        case LineSetting::Align::start:
            x += rtl ? room : 0;
            break;
        case LineSetting::Align::end:
            x += rtl ? 0 : room;
            break;
        case LineSetting::Align::center:
            x += room / 2;
            break;
    }
    for (const auto& group : groups) {
        const TextSpan& span = p.itemized.spans[group.item->span];
        GlyphRun run = make_run(p, view, group, adjustment.extra,
                                span.link.empty() ? colors.text : colors.link);
        if (run.glyphs.empty()) continue;
        double run_width = run.width();
        double y = span.superscript ? baseline - p.size * superscript_raise : baseline;
        // A footnote's number leads to the note, in the text's colour.
        const std::string url = !span.link.empty()  ? span.link
                                : span.footnote > 0 ? "#" + footnote_anchor(span.footnote)
                                                    : std::string();
        if (!url.empty())
            out.emplace_back(Point{x, baseline - p.size * 0.9},
                             Link{Size{run_width, p.size * 1.2}, url, nullptr, run.text});
        if (span.strike) {
            double thickness = strike_thickness * run.size;
            strikes.emplace_back(Point{x, y - strike_height * run.size - thickness / 2},
                                 Rule{Size{run_width, thickness}, run.fill});
        }
        runs.emplace_back(Point{x, y}, std::move(run));
        x += run_width;
    }
    if (runs.empty()) return out;
    // Segments are in logical order, so the line's text is one stretch of the paragraph.
    std::size_t from = p.segments[view.begin()].begin;
    TextLine text_line;
    text_line.text = p.itemized.text.substr(from, p.segments[view.end() - 1].end - from);
    if (view.hyphenated()) text_line.text += '-';
    text_line.runs = std::move(runs);
    text_line.ratio = adjustment.ratio;
    text_line.hyphenated = view.hyphenated();
    out.insert(out.begin(), {Point{left, baseline}, std::move(text_line)});
    // Strikes are drawn over the text they cross.
    for (auto& strike : strikes) out.push_back(std::move(strike));
    return out;
}

}  // namespace broadside::pdf
