#include "broadside/core/date_text.hpp"
#include "broadside/pdf/pdf_writer.hpp"

namespace broadside::pdf {
namespace {

std::string join(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : ", ") + p;
    return out;
}

}  // namespace

DocumentInfo document_info(const core::Meta& meta, std::optional<std::int64_t> source_date_epoch) {
    DocumentInfo info;
    info.title = meta.title().value_or("");
    info.author = join(meta.authors());
    info.subject = meta.excerpt().value_or("");
    info.keywords = join(meta.tags());
    info.created = meta.date();
    if (!info.created && source_date_epoch)
        info.created = core::date_from_unix_seconds(*source_date_epoch);
    return info;
}

}  // namespace broadside::pdf
