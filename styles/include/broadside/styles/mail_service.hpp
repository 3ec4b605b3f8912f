#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "broadside/core/diagnostics.hpp"

namespace broadside::styles {

/// A rectangle of a page with a rule attached, in points from the sheet's top-left corner.
struct ServiceZone {
    /// `clear`: nothing may be printed there (the service prints its franking or barcode);
    /// `address`: the recipient's lines must lie inside, and nothing else.
    enum class Kind { clear, address };
    std::string name;  ///< "postage area", as the service calls it
    Kind kind = Kind::clear;
    double x = 0, y = 0, width = 0, height = 0;
    bool every_page = false;  ///< else page 1 only
};

/// A print-and-mail service's published rules for uploaded PDF letters, read from
/// `styles/services/ID.yaml` (data with its sources, not code).
struct MailService {
    std::string id;    ///< "pingen"
    std::string name;  ///< "Pingen"
    std::vector<std::pair<double, double>> page_sizes;  ///< accepted width × height, points
    /// Nothing printed nearer than these to the left, top, right and bottom edge of any page.
    double edge_left = 0, edge_top = 0, edge_right = 0, edge_bottom = 0;
    std::vector<ServiceZone> zones;
    std::size_t max_pages = 0;     ///< per letter; 0: no limit published
    std::size_t folded_pages = 0;  ///< the most the folded window envelope takes; 0: no limit
    std::uintmax_t max_file_bytes = 0;  ///< 0: no limit published
    bool fonts_embedded = false;  ///< every font must be embedded (broadside's PDFs always do)
    std::vector<std::string> presets;   ///< style presets laid out to pass
};

/// The services with a rules file, by id, sorted.
std::vector<std::string> mail_service_ids();

/// The rules of service `id`; an unknown id or a broken file is an error naming the services
/// there are.
std::optional<MailService> load_mail_service(const std::string& id, core::Diagnostics& diags);

}  // namespace broadside::styles
