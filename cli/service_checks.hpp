#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "broadside/core/diagnostics.hpp"
#include "broadside/pdf/layout.hpp"
#include "broadside/styles/mail_service.hpp"
#include "broadside/styles/style.hpp"
#include "options.hpp"

namespace broadside::cli {

/// The mail services `--check-for` names, with their rules; nullopt when one is unknown or its
/// rules are broken (errors in `diags`).
std::optional<std::vector<styles::MailService>> services_to_check(const Options& options,
                                                                  core::Diagnostics& diags);

}  // namespace broadside::cli
