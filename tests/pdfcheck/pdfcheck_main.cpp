// `pdfcheck FILE.pdf...`: prints every PDF/A-2u (pdf_rules.hpp) and PDF/UA-1 (ua_rules.hpp)
// rule each file breaks and exits 1 if any does, for looking at a file by hand as the tests do.
#include <iostream>

#include "pdf_rules.hpp"
#include "ua_rules.hpp"

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: pdfcheck FILE.pdf...\n";
        return 2;
    }
    int status = 0;
    for (int i = 1; i < argc; ++i) {
        const std::pair<const char*, decltype(&broadside::pdfcheck::check_pdf_a)> standards[] = {
            {"PDF/A", &broadside::pdfcheck::check_pdf_a},
            {"PDF/UA", &broadside::pdfcheck::check_pdf_ua}};
        for (const auto& [name, check] : standards) {
            const auto findings = check(argv[i]);
            for (const auto& f : findings)
                std::cout << argv[i] << ": " << f.rule << ": " << f.detail << '\n';
            if (findings.empty()) std::cout << argv[i] << ": " << name << " rules kept\n";
            status = findings.empty() ? status : 1;
        }
    }
    return status;
}
