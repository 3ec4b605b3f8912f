#include "service_checks.hpp"

namespace broadside::cli {

std::optional<std::vector<styles::MailService>> services_to_check(const Options& options,
                                                                  core::Diagnostics& diags) {
    std::vector<styles::MailService> services;
    for (const auto& id : options.check_for)
        if (auto s = styles::load_mail_service(id, diags)) services.push_back(std::move(*s));
    if (services.size() != options.check_for.size()) return std::nullopt;
    return services;
}

}  // namespace broadside::cli
