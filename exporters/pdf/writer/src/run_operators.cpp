#include "run_operators.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <vector>

namespace broadside::pdf {
namespace {

/// The source text of each cluster: from its start to the next cluster start in logical order.
std::vector<std::u32string> cluster_texts(const GlyphRun& run) {
    // A sorted vector, not a set: this runs for every glyph the book prints.
    std::vector<std::uint32_t> starts;
    starts.reserve(run.glyphs.size());
    for (const auto& g : run.glyphs)
        starts.push_back(
            std::min<std::uint32_t>(g.cluster, static_cast<std::uint32_t>(run.text.size())));
    std::sort(starts.begin(), starts.end());
    starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
    std::vector<std::u32string> texts(run.glyphs.size());
    for (std::size_t i = 0; i < run.glyphs.size(); ++i) {
        auto start = std::min<std::size_t>(run.glyphs[i].cluster, run.text.size());
        auto next = std::upper_bound(starts.begin(), starts.end(), start);
        std::size_t end = next == starts.end() ? run.text.size() : *next;
        texts[i] = utf8_to_u32(std::string_view(run.text).substr(start, end - start));
    }
    return texts;
}

class TextWriter {
  public:
    TextWriter(const GlyphRun& run, FontUsage& usage, Point at, std::vector<Rect>* missing)
        : run_(run), usage_(usage), at_(at), missing_(missing) {
        double k = 1000.0 / run.size;  // points -> thousandths of an em
        double pen = 0;
        for (const auto& g : run.glyphs) {
            codes_.push_back(usage.code(g.id));
            x_.push_back((pen + g.x_offset) * k);
            pen += g.x_advance;
        }
    }

    void glyph(std::size_t i) {
        const Glyph& g = run_.glyphs[i];
        if (g.id == 0) {
            // The font's missing-glyph box is never shown (PDF/A forbids .notdef); the caller
            // draws an outline in its place, and the text keeps the character (ActualText).
            if (missing_)
                missing_->push_back({{at_.x + x_[i] * run_.size / 1000, at_.y + g.y_offset},
                                     {g.x_advance, 0.7 * run_.size}});
            return;
        }
        if (g.y_offset != 0) {
            flush();
            out_ += pdf_number(g.y_offset) + " Ts\n";
        }
        // Target minus where the viewer's pen already is; TJ numbers move left, hence minus.
        double adjust = x_[i] - current_;
        if (std::fabs(adjust) > 0.0005) tj_ += pdf_number(-adjust);
        static constexpr char digits[] = "0123456789ABCDEF";
        const std::uint32_t c = codes_[i] & 0xFFFF;
        const char hex[] = {
            '<', digits[c >> 12], digits[(c >> 8) & 15], digits[(c >> 4) & 15], digits[c & 15],
            '>'};
        tj_.append(hex, sizeof hex);
        current_ = x_[i] + usage_.width(codes_[i]);
        if (g.y_offset != 0) {
            flush();
            out_ += "0 Ts\n";
        }
    }
    void flush() {
        if (tj_.empty()) return;
        out_ += "[" + tj_ + "] TJ\n";
        tj_.clear();
    }
    void raw(const std::string& s) {
        flush();
        out_ += s;
    }
    [[nodiscard]] double left_edge(std::size_t i) const { return x_[i]; }
    [[nodiscard]] double right_edge(std::size_t i) const { return x_[i] + usage_.width(codes_[i]); }
    [[nodiscard]] std::uint32_t code(std::size_t i) const { return codes_[i]; }
    std::string take() {
        flush();
        return std::move(out_);
    }

  private:
    const GlyphRun& run_;
    FontUsage& usage_;
    Point at_;
    std::vector<Rect>* missing_;
    std::vector<std::uint32_t> codes_;
    std::vector<double> x_;
    double current_ = 0;
    std::string tj_;
    std::string out_;
};

/// Gives the glyphs of a multi-glyph cluster fallback ToUnicode mappings for extractors that
/// ignore ActualText: each nominal glyph its character, and the characters no glyph claimed
/// to the first unmapped glyph, so nothing extracts as U+FFFD. (Mapping marks glyph by glyph
/// is not enough for Poppler: it files zero-width marks apart from their base.)
void map_cluster(const GlyphRun& run, std::size_t from, std::size_t to, const std::u32string& text,
                 FontUsage& usage, const TextWriter& w) {
    std::vector<std::size_t> logical;
    for (std::size_t i = from; i < to; ++i) logical.push_back(i);
    if (run.rtl) std::reverse(logical.begin(), logical.end());
    std::vector<bool> used(text.size(), false);
    for (std::size_t i : logical) {
        for (std::size_t c = 0; c < text.size(); ++c) {
            auto nominal = usage.face()->nominal_glyph(text[c]);
            if (used[c] || !nominal || *nominal != run.glyphs[i].id) continue;
            used[c] = true;
            usage.map(w.code(i), std::u32string(1, text[c]));
            break;
        }
    }
    std::u32string left;
    for (std::size_t c = 0; c < text.size(); ++c)
        if (!used[c]) left += text[c];
    for (std::size_t i : logical)
        if (!left.empty() && !usage.mapped(w.code(i))) {
            usage.map(w.code(i), left);
            left.clear();
        }
}

}  // namespace

std::string pdf_number(double v) {
    // to_chars rounds as printf's %.3f does, without the locale and formatting machinery.
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 3);
    std::string s(buf, ec == std::errc() ? end : buf);
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s == "-0" ? "0" : s;
}

std::string run_operators(const GlyphRun& run, const std::string& font_name, Point at,
                          Point& line_start, FontUsage& usage, bool cluster_spans,
                          std::vector<Rect>* missing) {
    TextWriter w(run, usage, at, missing);
    std::string head = "/" + font_name + " " + pdf_number(run.size) + " Tf\n";
    head += pdf_number(run.fill.r / 255.0) + " " + pdf_number(run.fill.g / 255.0) + " " +
            pdf_number(run.fill.b / 255.0) + " rg\n";
    // Td is relative to the current line's start, so runs can share one text object.
    head += pdf_number(at.x - line_start.x) + " " + pdf_number(at.y - line_start.y) + " Td\n";
    line_start = at;
    w.raw(head);
    std::vector<std::u32string> texts = cluster_texts(run);
    const auto& g = run.glyphs;
    for (std::size_t i = 0; i < g.size();) {
        std::size_t j = i + 1;
        while (j < g.size() && g[j].cluster == g[i].cluster) ++j;  // [i, j) is one cluster
        const std::u32string& text = texts[i];
        if (j - i > 1) map_cluster(run, i, j, text, usage, w);
        bool actual = j - i > 1 || (!text.empty() && !usage.map(w.code(i), text));
        if (!actual || !cluster_spans) {
            // Logical order inside the cluster (base before marks) helps extractors that read
            // glyph by glyph; positions are absolute, so the picture does not change.
            if (run.rtl)
                for (std::size_t t = j; t-- > i;) w.glyph(t);
            else
                for (std::size_t t = i; t < j; ++t) w.glyph(t);
        } else {
            w.raw("/Span<</ActualText<FEFF" + utf16be_hex(text) + ">>>BDC\n");
            // Poppler takes a span's extent from its first glyph's start to its last glyph's
            // end: draw the left-most glyph first and the one reaching furthest right last.
            // Paint order within a cluster does not change the picture.
            std::vector<std::size_t> order;
            for (std::size_t t = i; t < j; ++t) order.push_back(t);
            std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
                return w.right_edge(a) < w.right_edge(b);
            });
            auto leftmost = std::min_element(
                order.begin(), order.end(),
                [&](std::size_t a, std::size_t b) { return w.left_edge(a) < w.left_edge(b); });
            if (leftmost != order.end() - 1) std::rotate(order.begin(), leftmost, leftmost + 1);
            for (std::size_t t : order) w.glyph(t);
            w.raw("EMC\n");
        }
        i = j;
    }
    return w.take();
}

}  // namespace broadside::pdf
