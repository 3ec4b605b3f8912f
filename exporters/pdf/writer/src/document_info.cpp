#include "broadside/core/date_text.hpp"
#include "broadside/pdf/pdf_writer.hpp"

#include <filesystem>

namespace broadside::pdf {
namespace {

std::string join(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : ", ") + p;
    return out;
}

}  // namespace

DocumentInfo document_info(const core::Meta& meta, const core::JobSettings& job,
                           const std::string& source_path) {
    DocumentInfo info;
    info.title = meta.title().value_or("");
    // A letter is named by its subject: viewers show the title, screen readers announce it.
    if (const core::MetaValue* subject = meta.find("subject"); info.title.empty() && subject)
        info.title = subject->to_text();
    // Else the file's name: a tagged PDF must have a title to show.
    if (info.title.empty()) info.title = std::filesystem::path(source_path).stem().string();
    info.author = join(meta.authors());
    info.subject = meta.excerpt().value_or("");
    info.keywords = join(meta.tags());
    info.created = meta.date();
    if (!info.created && job.source_date_epoch)
        info.created = core::date_from_unix_seconds(*job.source_date_epoch);
    // A screen reader must know the language (PDF/UA); text without one is read as English,
    // and passages in other scripts are marked by their script (pdf/line_builder.cpp).
    info.language = meta.lang().value_or("en");
    info.pdf_a = job.pdf_a;
    info.pdf_ua = job.pdf_ua;
    return info;
}

}  // namespace broadside::pdf
