#pragma once

#include <optional>
#include <string_view>

#include "broadside/fonts/face.hpp"

namespace broadside::fonts {

/// The installed face of exactly family `name` (case-insensitive) with the nearest weight and
/// slant, or nothing. Initializes fontconfig on first use.
std::optional<FaceRef> fontconfig_family(std::string_view name, bool bold, bool italic);

/// The first face in fontconfig's sorted list for `generic` (`serif`, `sans`, `mono`) whose
/// charset contains `cp`, or nothing.
std::optional<FaceRef> fontconfig_covering(char32_t cp, std::string_view generic, bool bold,
                                           bool italic);

}  // namespace broadside::fonts
