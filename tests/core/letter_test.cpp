#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "broadside/core/letter.hpp"
#include "broadside/core/reader.hpp"
#include "scratch_folder.hpp"

namespace fs = std::filesystem;
using namespace broadside::core;

namespace {

const std::string source_dir = BROADSIDE_SOURCE_DIR;

Document read_file(const std::string& path) {
    Diagnostics diags;
    auto doc = read_document_file(path, diags);
    REQUIRE(doc);
    return std::move(*doc);
}

Document read_text(const std::string& text, const std::string& path) {
    Diagnostics diags;
    auto doc = read_document_text(text, path, diags);
    REQUIRE(doc);
    return std::move(*doc);
}

}  // namespace

TEST_CASE("the sample letter's fields are all read") {
    auto doc = read_file(source_dir + "/samples/letter.md");
    Diagnostics diags;
    auto letter = read_letter(doc, ResourcePolicy(source_dir + "/samples"), diags);
    REQUIRE(letter);
    CHECK(diags.empty());
    CHECK(letter->sender_name == "Lantern Rights Network");
    CHECK(letter->sender_address.size() == 3);
    CHECK(letter->return_line.find("Rue des P") != std::string::npos);
    CHECK(letter->recipient.size() == 6);
    CHECK(letter->notes == "By registered mail");
    CHECK(letter->date->iso() == "2025-03-14");
    CHECK(letter->place == "Geneva");
    REQUIRE(letter->references.size() == 2);
    CHECK(letter->references[0] == std::pair<std::string, std::string>{"your-ref", "MFA/HRD/2025/114"});
    CHECK(letter->subject.rfind("Detained human rights defenders", 0) == 0);
    CHECK(letter->opening == "Dear Ambassador Oyelaran-Fitch,");
    CHECK(letter->closing == "Respectfully yours,");
    REQUIRE(letter->signatures.size() == 2);
    CHECK(letter->signatures[1].title == "Advocacy Coordinator, Asia");
    CHECK(letter->cc.size() == 2);
    CHECK(letter->enclosures.size() == 2);
    CHECK(letter->lang == "en-US");
    CHECK(letter->letterhead_text == std::vector<std::string>{"Lantern Rights Network"});
}

TEST_CASE("a blog post still makes a letter, with warnings naming the keys to add") {
    auto doc = read_file(source_dir + "/tests/seed/000_76c02472bb265b5b.txt");
    Diagnostics diags;
    auto letter = read_letter(doc, ResourcePolicy(source_dir + "/tests/seed"), diags);
    REQUIRE(letter);
    CHECK(letter->subject == "Joint Letter to US Secretary of State on His Visit to China");
    CHECK(letter->date->iso() == "2021-07-12");
    CHECK(letter->recipient.empty());
    REQUIRE(diags.items().size() == 2);
    CHECK_FALSE(diags.has_errors());
    std::string all = diags.items()[0].hint + diags.items()[1].hint;
    CHECK(all.find("'to:'") != std::string::npos);
    CHECK(all.find("'from:'") != std::string::npos);
}

TEST_CASE("signatories from a list and a CSV file, sorted by collation and grouped") {
    fs::path dir = broadside::test::scratch_folder("signatories");
    std::ofstream(dir / "orgs.csv") << "name,type\n\xC3\x96ko Rights,regional\nAlpha Watch,global\n"
                                       "zeta Network,regional\n\"Beta, Inc\",global\n";
    auto doc = read_text("---\nfrom: [Org]\nto: [X]\nsignatories: {file: orgs.csv, group-by: type, "
                         "columns: 3}\n---\nWe, {{signatories.count}} groups.\n",
                         (dir / "l.md").string());
    Diagnostics diags;
    auto letter = read_letter(doc, ResourcePolicy(dir.string()), diags);
    REQUIRE(letter);
    CHECK(diags.empty());
    CHECK(letter->signatories.count() == 4);
    CHECK(letter->signatories.columns == 3);
    REQUIRE(letter->signatories.groups.size() == 2);
    CHECK(letter->signatories.groups[0].name == "global");
    CHECK(letter->signatories.groups[0].members == std::vector<std::string>{"Alpha Watch", "Beta, Inc"});
    // Ö sorts with O, before z, and case does not put "zeta" after everything.
    CHECK(letter->signatories.groups[1].members ==
          std::vector<std::string>{"\xC3\x96ko Rights", "zeta Network"});

    auto listed = read_text("---\nsignatories: [Zed, \"\xC3\x89lan\", Alpha]\n---\nx\n",
                            (dir / "m.md").string());
    auto l2 = read_letter(listed, ResourcePolicy(dir.string()), diags);
    REQUIRE(l2);
    CHECK(l2->signatories.groups[0].members ==
          std::vector<std::string>{"Alpha", "\xC3\x89lan", "Zed"});
    fs::remove_all(dir);
}

TEST_CASE("a letterhead outside the input folder is a warning, not a read") {
    fs::path dir = broadside::test::scratch_folder("letterhead");
    auto doc = read_text("---\nletterhead: /etc/passwd.png\nfrom: [A]\nto: [B]\n---\nx\n",
                         (dir / "l.md").string());
    Diagnostics diags;
    auto letter = read_letter(doc, ResourcePolicy(dir.string()), diags);
    REQUIRE(letter);
    CHECK(letter->letterhead_image.empty());
    REQUIRE(diags.items().size() == 1);
    CHECK(diags.items()[0].severity == Severity::warning);
    CHECK(diags.items()[0].line == 2);
    fs::remove_all(dir);
}
