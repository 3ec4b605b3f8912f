#include "broadside/pdf/layout_dump.hpp"

#include <cstdio>
#include <type_traits>

#include "broadside/pdf/page_bounds.hpp"

namespace broadside::pdf {
namespace {

/// Two decimals, always '.', no locale: dumps are compared byte for byte.
std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    std::string s(buf);
    return s == "-0.00" ? "0.00" : s;
}

std::string quoted(const std::string& text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out + '"';
}

std::string rgb(const Rgb& c);

/// The last component of a path: dumps must not depend on where the source tree lies.
std::string file_name(const std::string& path) {
    std::size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string run_line(const GlyphRun& it) {
    return "run " + (it.font ? it.font->postscript_name() : "?") + " " + num(it.size) + "pt " +
           (it.rtl ? "rtl" : "ltr") + " " + rgb(it.fill) +
           " glyphs=" + std::to_string(it.glyphs.size()) + " w=" + num(it.width()) + " " +
           quoted(it.text);
}

std::string rgb(const Rgb& c) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c.r & 0xff, c.g & 0xff, c.b & 0xff);
    return buf;
}

}  // namespace

double GlyphRun::width() const {
    double w = 0;
    for (const auto& g : glyphs) w += g.x_advance;
    return w;
}

std::size_t Layout::glyph_count() const {
    std::size_t n = 0;
    for (const auto& page : pages)
        for (const auto& frame : page.frames)
            for (const auto& [at, item] : frame.items) {
                if (const auto* run = std::get_if<GlyphRun>(&item)) n += run->glyphs.size();
                if (const auto* line = std::get_if<TextLine>(&item))
                    for (const auto& [pos, run] : line->runs) n += run.glyphs.size();
            }
    return n;
}

std::string dump_layout(const Layout& layout) {
    std::string out;
    for (std::size_t p = 0; p < layout.pages.size(); ++p) {
        const Page& page = layout.pages[p];
        out += "page " + std::to_string(p + 1) + " " + num(page.size.width) + "x" +
               num(page.size.height);
        if (page.label)
            out += " label " + quoted(page.label->prefix) + std::to_string(page.label->start);
        out += "\n";
        for (const auto& frame : page.frames) {
            out += "  frame @" + num(frame.box.origin.x) + "," + num(frame.box.origin.y) + " " +
                   num(frame.box.size.width) + "x" + num(frame.box.size.height) + "\n";
            for (const auto& [at, item] : frame.items) {
                out += "    @" + num(at.x) + "," + num(at.y) + " ";
                std::visit(
                    [&](const auto& it) {
                        using T = std::decay_t<decltype(it)>;
                        if constexpr (std::is_same_v<T, GlyphRun>) {
                            out += run_line(it);
                        } else if constexpr (std::is_same_v<T, TextLine>) {
                            out += "line";
                            if (!it.role.empty()) out += " [" + it.role + "]";
                            out += " r=" + num(it.ratio) + (it.hyphenated ? " hyphen " : " ") +
                                   quoted(it.text);
                            for (const auto& [pos, run] : it.runs)
                                out += "\n      @" + num(pos.x) + "," + num(pos.y) + " " +
                                       run_line(run);
                        } else if constexpr (std::is_same_v<T, Rule>) {
                            out += "rule " + num(it.size.width) + "x" + num(it.size.height) + " " +
                                   rgb(it.fill);
                        } else if constexpr (std::is_same_v<T, Link>) {
                            out += "link " + num(it.size.width) + "x" + num(it.size.height) + " " +
                                   quoted(it.url);
                        } else if constexpr (std::is_same_v<T, Anchor>) {
                            out += "anchor h" + std::to_string(it.level) + " #" + it.id + " " +
                                   quoted(it.title);
                        } else if constexpr (std::is_same_v<T, Image>) {
                            out += std::string("image ") +
                                   (it.format == ImageFormat::png    ? "png "
                                    : it.format == ImageFormat::jpeg ? "jpeg "
                                    : it.format == ImageFormat::gif  ? "gif "
                                                                     : "svg ") +
                                   num(it.size.width) + "x" + num(it.size.height) + " " +
                                   quoted(file_name(it.path)) + " " + quoted(it.alt);
                        }
                    },
                    item);
                out += "\n";
            }
        }
    }
    // Last, so a golden file of a correct layout never has such a line and any test that
    // looks for "off page" catches text that would not print.
    for (const auto& off : runs_off_page(layout))
        out += "off page " + std::to_string(off.page + 1) + " @" + num(off.at.x) + "," +
               num(off.at.y) + " w=" + num(off.width) + " " + quoted(off.text) + "\n";
    return out;
}

}  // namespace broadside::pdf
