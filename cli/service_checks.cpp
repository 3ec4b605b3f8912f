#include "service_checks.hpp"

#include "broadside/pdf/service_check.hpp"

namespace broadside::cli {

std::optional<std::vector<styles::MailService>> services_to_check(const Options& options,
                                                                  core::Diagnostics& diags) {
    std::vector<styles::MailService> services;
    for (const auto& id : options.check_for)
        if (auto s = styles::load_mail_service(id, diags)) services.push_back(std::move(*s));
    if (services.size() != options.check_for.size()) return std::nullopt;
    return services;
}

void check_letter(const std::vector<styles::MailService>& services, const pdf::Layout& letter,
                  const styles::LetterGeometry& geometry, const std::string& source,
                  core::Diagnostics& diags) {
    for (const auto& s : services) pdf::check_for_service(letter, geometry, s, source, diags);
}

void check_letter_file(const std::vector<styles::MailService>& services, std::uintmax_t bytes,
                       const std::string& source, core::Diagnostics& diags) {
    for (const auto& s : services) pdf::check_file_for_service(bytes, s, source, diags);
}

}  // namespace broadside::cli
