// `pdfcheck FILE.pdf...`: prints every PDF/A rule each file breaks (pdf_rules.hpp) and exits
// 1 if any does, for looking at a file by hand as the tests do.
#include <iostream>

#include "pdf_rules.hpp"

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: pdfcheck FILE.pdf...\n";
        return 2;
    }
    int status = 0;
    for (int i = 1; i < argc; ++i) {
        const auto findings = broadside::pdfcheck::check_pdf_a(argv[i]);
        for (const auto& f : findings)
            std::cout << argv[i] << ": " << f.rule << ": " << f.detail << '\n';
        if (findings.empty()) std::cout << argv[i] << ": PDF/A rules kept\n";
        status = findings.empty() ? status : 1;
    }
    return status;
}
