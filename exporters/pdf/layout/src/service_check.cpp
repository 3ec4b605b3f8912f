// Print-and-mail services reject letters whose ink strays into the zones where they print
// franking, barcodes or the address, or whose pages are the wrong size or too many. This
// measures the laid-out letter, before any byte is written, and names what breaks which rule.
#include "broadside/pdf/service_check.hpp"

#include <cmath>
#include <cstdio>
#include <set>
#include <variant>

namespace broadside::pdf {
namespace {

constexpr double mm = 72.0 / 25.4;
constexpr double tolerance = 0.5;  // points: rounding, not a breach

std::string millimetres(double points) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", std::round(points / mm * 10) / 10);
    return buf;
}

std::string describe(const styles::ServiceZone& z) {
    return z.name + " (x " + millimetres(z.x) + "\u2013" + millimetres(z.x + z.width) + " mm, y " +
           millimetres(z.y) + "\u2013" + millimetres(z.y + z.height) + " mm)";
}

/// Something printed: its box on the page and what it is, for the message.
struct Ink {
    double left, top, right, bottom;
    std::string what;
    bool address = false;  ///< a line of the recipient's address
};

// A run's box as page_bounds measures it: an em above the baseline, a third of one below.
Ink run_ink(Point at, const GlyphRun& run, const std::string& role) {
    std::string what = role.empty() ? "text" : role;
    return {at.x,
            at.y - run.size,
            at.x + run.width(),
            at.y + run.size / 3,
            what + " " + core::quote_value(run.text),
            role == "address"};
}

std::vector<Ink> page_ink(const Page& page) {
    std::vector<Ink> out;
    for (const auto& frame : page.frames) {
        const Point o = frame.box.origin;
        for (const auto& [at, item] : frame.items) {
            const Point p{o.x + at.x, o.y + at.y};
            if (const auto* run = std::get_if<GlyphRun>(&item))
                out.push_back(run_ink(p, *run, ""));
            else if (const auto* line = std::get_if<TextLine>(&item))
                for (const auto& [pos, r] : line->runs)
                    out.push_back(run_ink({o.x + pos.x, o.y + pos.y}, r, line->role));
            else if (const auto* rule = std::get_if<Rule>(&item))
                out.push_back(
                    {p.x, p.y, p.x + rule->size.width, p.y + rule->size.height, "a rule"});
            else if (const auto* image = std::get_if<Image>(&item))
                out.push_back({p.x, p.y, p.x + image->size.width, p.y + image->size.height,
                               "image " + core::quote_value(image->path)});
        }
    }
    return out;
}

bool overlaps(const Ink& i, const styles::ServiceZone& z) {
    return i.right > z.x + tolerance && i.left < z.x + z.width - tolerance &&
           i.bottom > z.y + tolerance && i.top < z.y + z.height - tolerance;
}

bool inside(const Ink& i, const styles::ServiceZone& z) {
    return i.left >= z.x - tolerance && i.right <= z.x + z.width + tolerance &&
           i.top >= z.y - tolerance && i.bottom <= z.y + z.height + tolerance;
}

class Checker {
  public:
    Checker(const styles::MailService& s, const std::string& source, core::Diagnostics& diags)
        : service_(s), source_(source), diags_(diags) {}

    void page(const Page& page, std::size_t n) {
        size(page, n);
        for (const Ink& ink : page_ink(page)) {
            edges(page, ink, n);
            for (const auto& zone : service_.zones)
                if (zone.every_page || n == 0) in_zone(ink, zone, n);
        }
    }

    // The style's window, below its return-line and notes zones, must lie in the service's
    // address zone: a field 3 mm too low is wrong for every letter, however short the address.
    void field(const styles::LetterGeometry& g) {
        if (!g.enabled || g.address_height <= 0) return;
        const double top = g.address_y + g.return_line_height + g.notes_height;
        const double bottom = g.address_y + g.address_height;
        const double left = g.address_x, right = g.address_x + g.address_width;
        for (const auto& z : service_.zones) {
            if (z.kind != styles::ServiceZone::Kind::address) continue;
            std::string off;
            auto side = [&off](double by, const char* where) {
                if (by > tolerance)
                    off += (off.empty() ? "" : ", ") + millimetres(by) + " mm " + where;
            };
            side(z.y - top, "too high");
            side(bottom - (z.y + z.height), "too low");
            side(z.x - left, "too far left");
            side(right - (z.x + z.width), "too far right");
            if (!off.empty())
                breach(1,
                       "the style's address field (x " + millimetres(left) + "\u2013" +
                           millimetres(right) + " mm, y " + millimetres(top) + "\u2013" +
                           millimetres(bottom) + " mm) is " + off + " for the " + describe(z),
                       "use a style whose window matches " + service_.name + "'s" + presets());
        }
    }

    void breach(std::size_t page, const std::string& message, const std::string& hint) {
        diags_.error(source_, 0, 0, prefix(page) + message, hint);
    }

    std::string prefix(std::size_t page) const {
        return service_.name + ": " + (page > 0 ? "page " + std::to_string(page) + ": " : "");
    }

  private:
    void size(const Page& page, std::size_t n) {
        if (service_.page_sizes.empty()) return;
        for (const auto& [w, h] : service_.page_sizes)
            if (std::abs(page.size.width - w) <= mm && std::abs(page.size.height - h) <= mm) return;
        const auto& [w, h] = service_.page_sizes.front();
        breach(n + 1,
               "the page is " + millimetres(page.size.width) + " \u00d7 " +
                   millimetres(page.size.height) + " mm; " + service_.name + " takes " +
                   millimetres(w) + " \u00d7 " + millimetres(h) + " mm",
               "choose a style for that paper");
    }

    void edges(const Page& page, const Ink& ink, std::size_t n) {
        const auto& s = service_;
        auto near = [&](double gap, double edge, const char* side) {
            if (edge <= 0 || gap >= edge - tolerance) return false;
            if (!first_on_page(n, side)) return true;
            breach(n + 1,
                   ink.what + " is " + millimetres(std::max(gap, 0.0)) + " mm from the " + side +
                       " edge; " + s.name + " keeps " + millimetres(edge) + " mm clear",
                   "keep every page's content inside that margin (fold marks: `marks: false`)");
            return true;
        };
        near(ink.left, s.edge_left, "left") || near(ink.top, s.edge_top, "top") ||
            near(page.size.width - ink.right, s.edge_right, "right") ||
            near(page.size.height - ink.bottom, s.edge_bottom, "bottom");
    }

    void in_zone(const Ink& ink, const styles::ServiceZone& zone, std::size_t n) {
        using Kind = styles::ServiceZone::Kind;
        if (ink.address && zone.kind == Kind::address) {
            if (!inside(ink, zone) && first_on_page(n, zone.name + " address"))
                breach(n + 1, ink.what + " lies outside the " + describe(zone),
                       "use a style whose window matches " + service_.name + "'s" + presets());
            return;
        }
        // The address zone holds the address and nothing else.
        if (!overlaps(ink, zone) || !first_on_page(n, zone.name)) return;
        breach(n + 1, ink.what + " lies in the " + describe(zone) + ", which must stay empty",
               "leave that zone empty" + presets());
    }

    // One message per rule and page: the first thing that breaks it says where to look.
    bool first_on_page(std::size_t page, const std::string& rule) {
        return reported_.emplace(page, rule).second;
    }

    std::string presets() const {
        if (service_.presets.empty()) return "";
        std::string list;
        for (const auto& p : service_.presets) list += (list.empty() ? "" : ", ") + p;
        return " (style: " + list + ")";
    }

    const styles::MailService& service_;
    const std::string& source_;
    core::Diagnostics& diags_;
    std::set<std::pair<std::size_t, std::string>> reported_;
};

}  // namespace

void check_for_service(const Layout& letter, const styles::LetterGeometry& geometry,
                       const styles::MailService& service, const std::string& source,
                       core::Diagnostics& diags) {
    Checker check(service, source, diags);
    check.field(geometry);
    for (std::size_t n = 0; n < letter.pages.size(); ++n) check.page(letter.pages[n], n);
    if (service.folded_pages > 0 && letter.pages.size() > service.folded_pages &&
        (service.max_pages == 0 || letter.pages.size() <= service.max_pages))
        check.breach(0,
                     "the letter has " + std::to_string(letter.pages.size()) + " pages; " +
                         service.name + " folds at most " + std::to_string(service.folded_pages) +
                         " into its window envelope and sends more flat, in another envelope",
                     "shorten the letter to " + std::to_string(service.folded_pages) +
                         " pages, or print it on both sides if the service offers it");
    if (service.max_pages > 0 && letter.pages.size() > service.max_pages)
        check.breach(0,
                     "the letter has " + std::to_string(letter.pages.size()) + " pages; " +
                         service.name + " takes at most " + std::to_string(service.max_pages),
                     "shorten the letter, or send the rest separately");
}

void check_file_for_service(std::uintmax_t bytes, const styles::MailService& service,
                            const std::string& source, core::Diagnostics& diags) {
    if (service.max_file_bytes == 0 || bytes <= service.max_file_bytes) return;
    diags.error(source, 0, 0,
                service.name + ": the PDF has " + std::to_string(bytes) + " bytes; " +
                    service.name + " takes at most " + std::to_string(service.max_file_bytes),
                "use smaller images");
}

void check_for_services(const Layout& letter, const styles::LetterGeometry& geometry,
                        const std::vector<styles::MailService>& services, const std::string& source,
                        core::Diagnostics& diags) {
    for (const auto& s : services) check_for_service(letter, geometry, s, source, diags);
}

void check_file_for_services(std::uintmax_t bytes, const std::vector<styles::MailService>& services,
                             const std::string& source, core::Diagnostics& diags) {
    for (const auto& s : services) check_file_for_service(bytes, s, source, diags);
}

}  // namespace broadside::pdf
