#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "broadside/core/diagnostics.hpp"
#include "broadside/pdf/layout.hpp"
#include "broadside/styles/mail_service.hpp"
#include "broadside/styles/style.hpp"

namespace broadside::pdf {

/// Measures one letter's layout against a mail service's rules (`--check-for`): the style's
/// address field against the service's address zone, page sizes, the clear margin at every
/// edge, the zones of page 1 or of every page, and the page count.
/// Each breach is an error on `source` naming the service, the page, the element and the rule.
/// Fonts need no check: the PDF writer always embeds them.
void check_for_service(const Layout& letter, const styles::LetterGeometry& geometry,
                       const styles::MailService& service, const std::string& source,
                       core::Diagnostics& diags);

/// The written file's size against the service's limit.
void check_file_for_service(std::uintmax_t bytes, const styles::MailService& service,
                            const std::string& source, core::Diagnostics& diags);

/// One letter's layout, then its written size, against every service of `--check-for`.
void check_for_services(const Layout& letter, const styles::LetterGeometry& geometry,
                        const std::vector<styles::MailService>& services, const std::string& source,
                        core::Diagnostics& diags);
void check_file_for_services(std::uintmax_t bytes, const std::vector<styles::MailService>& services,
                             const std::string& source, core::Diagnostics& diags);

}  // namespace broadside::pdf
