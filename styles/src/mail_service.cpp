// Print-and-mail services' rules from `styles/services/*.yaml`. The files are ours, but they
// are checked as strictly as a user's style: a typo in a rule must not turn the rule off.
#include "broadside/styles/mail_service.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <filesystem>

#include "broadside/styles/style.hpp"
#include "length.hpp"

namespace broadside::styles {
namespace {

namespace fs = std::filesystem;

fs::path services_folder() { return fs::path(styles_folder()) / "services"; }

class RulesReader {
public:
    RulesReader(std::string path, core::Diagnostics& diags) : path_(std::move(path)), diags_(diags) {}

    std::optional<MailService> read(const std::string& id) {
        MailService s;
        s.id = id;
        YAML::Node root;
        try {
            root = YAML::LoadFile(path_);
        } catch (const YAML::Exception& e) {
            diags_.error(path_, e.mark.line + 1, e.mark.column + 1, e.msg);
            return std::nullopt;
        }
        if (!root.IsMap()) return fail(root, "a service's rules are a map of keys"), std::nullopt;
        for (const auto& kv : root) {
            const std::string key = kv.first.Scalar();
            const YAML::Node& v = kv.second;
            if (key == "name") s.name = v.Scalar();
            else if (key == "page-sizes") page_sizes(v, s);
            else if (key == "edge") edges(v, s);
            else if (key == "zones") zones(v, s);
            else if (key == "max-pages") s.max_pages = number(v);
            else if (key == "folded-pages") s.folded_pages = number(v);
            else if (key == "max-file-size") s.max_file_bytes = megabytes(v);
            else if (key == "fonts-embedded") s.fonts_embedded = v.Scalar() == "true";
            else if (key == "presets") s.presets = v.as<std::vector<std::string>>(std::vector<std::string>{});
            else fail(kv.first, "unknown key '" + key + "'");
        }
        if (s.name.empty()) fail(root, "the rules name no service ('name:')");
        if (failed_) return std::nullopt;
        return s;
    }

private:
    void fail(const YAML::Node& at, const std::string& message) {
        failed_ = true;
        diags_.error(path_, at.Mark().line + 1, at.Mark().column + 1, message);
    }

    double length(const YAML::Node& n) {
        if (auto v = n.IsScalar() ? parse_length(n.Scalar()) : std::nullopt) return *v;
        fail(n, "a length is expected, e.g. 25mm");
        return 0;
    }

    std::size_t number(const YAML::Node& n) {
        std::size_t v = 0;
        const std::string s = n.IsScalar() ? n.Scalar() : "";
        auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
        if (ec != std::errc() || end != s.data() + s.size()) fail(n, "a whole number is expected");
        return v;
    }

    // "8MB": the services' megabytes are taken as 10^6 bytes, the smaller reading.
    std::uintmax_t megabytes(const YAML::Node& n) {
        std::string s = n.IsScalar() ? n.Scalar() : "";
        if (s.size() < 3 || s.compare(s.size() - 2, 2, "MB") != 0) {
            fail(n, "a size in MB is expected, e.g. 8MB");
            return 0;
        }
        s.resize(s.size() - 2);
        YAML::Node bare(s);
        return number(bare) * 1000000u;
    }

    // One length for every edge, or a map of `left`, `top`, `right`, `bottom`.
    void edges(const YAML::Node& n, MailService& s) {
        if (n.IsScalar()) {
            s.edge_left = s.edge_top = s.edge_right = s.edge_bottom = length(n);
            return;
        }
        if (!n.IsMap()) return fail(n, "an edge is a length or a map of left, top, right, bottom");
        for (const auto& kv : n) {
            const std::string side = kv.first.Scalar();
            if (side == "left") s.edge_left = length(kv.second);
            else if (side == "top") s.edge_top = length(kv.second);
            else if (side == "right") s.edge_right = length(kv.second);
            else if (side == "bottom") s.edge_bottom = length(kv.second);
            else fail(kv.first, "an edge is left, top, right or bottom");
        }
    }

    void page_sizes(const YAML::Node& n, MailService& s) {
        if (!n.IsSequence()) return fail(n, "page sizes are a list of [width, height]");
        for (const auto& size : n) {
            if (!size.IsSequence() || size.size() != 2) return fail(size, "a page size is [width, height]");
            s.page_sizes.emplace_back(length(size[0]), length(size[1]));
        }
    }

    void zones(const YAML::Node& n, MailService& s) {
        if (!n.IsSequence()) return fail(n, "zones are a list");
        for (const auto& z : n) {
            if (!z.IsMap()) return fail(z, "a zone is a map: name, kind, x, y, width, height, pages");
            ServiceZone zone;
            for (const auto& kv : z) {
                const std::string key = kv.first.Scalar();
                const std::string value = kv.second.IsScalar() ? kv.second.Scalar() : "";
                if (key == "name") zone.name = value;
                else if (key == "kind" && value == "clear") zone.kind = ServiceZone::Kind::clear;
                else if (key == "kind" && value == "address") zone.kind = ServiceZone::Kind::address;
                else if (key == "x") zone.x = length(kv.second);
                else if (key == "y") zone.y = length(kv.second);
                else if (key == "width") zone.width = length(kv.second);
                else if (key == "height") zone.height = length(kv.second);
                else if (key == "pages" && (value == "all" || value == "first")) zone.every_page = value == "all";
                else fail(kv.first, "unknown zone key or value '" + key + ": " + value + "'");
            }
            s.zones.push_back(zone);
        }
    }

    std::string path_;
    core::Diagnostics& diags_;
    bool failed_ = false;
};

}  // namespace

std::vector<std::string> mail_service_ids() {
    std::vector<std::string> ids;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(services_folder(), ec))
        if (e.path().extension() == ".yaml") ids.push_back(e.path().stem().string());
    std::sort(ids.begin(), ids.end());
    return ids;
}

std::optional<MailService> load_mail_service(const std::string& id, core::Diagnostics& diags) {
    const auto ids = mail_service_ids();
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) {
        std::string known;
        for (const auto& i : ids) known += (known.empty() ? "" : ", ") + i;
        diags.error("--check-for", 0, 0, "no rules for the mail service " + core::quote_value(id),
                    "choose one of: " + known);
        return std::nullopt;
    }
    return RulesReader((services_folder() / (id + ".yaml")).string(), diags).read(id);
}

}  // namespace broadside::styles
