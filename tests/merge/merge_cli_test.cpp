// End to end: broadside letter.md --merge recipients.csv, checked with the real tools
// (pdfinfo, pdftotext, qpdf). The data file is written byte by byte here so the BOM, the CRLF
// line ends and the quoting are exactly what the test says.
#include <catch2/catch.hpp>

#include <algorithm>

#include <filesystem>
#include <fstream>
#include <regex>

#include "pdf_text.hpp"
#include "run_command.hpp"
#include "scratch_folder.hpp"

using broadside::test::read_file;
using broadside::test::run_command;
using broadside::test::scratch_folder;
using broadside::test::shell_quote;
using broadside::test::without_bidi_controls;

namespace fs = std::filesystem;

namespace {

const std::string letter_md = std::string(BROADSIDE_SOURCE_DIR) + "/tests/merge/data/letter.md";

struct Recipient {
    std::string id, name;
};
const std::vector<Recipient> recipients = {
    {"1", "Li Na 李娜"}, {"2", "ئايگۈل ئابلەت"}, {"3", "Smith, John"}};

std::string long_note() {
    std::string note;
    for (int i = 0; i < 120; ++i) note += "This sentence pads the second letter onto more pages. ";
    return note;
}

/// BOM, CRLF, a quoted field with a comma and a line break (record 1 spans lines 2–3), doubled
/// quotes, a quoted comma in a name, Chinese and Uyghur names; record 2 is several pages long.
fs::path write_csv(const fs::path& dir) {
    fs::path csv = dir / "recipients.csv";
    std::ofstream out(csv, std::ios::binary);
    out << "\xEF\xBB\xBF"
           "id,name,salutation,address,note\r\n"
        << "1,Li Na 李娜,Dear Ms Li,\"12 Harbour Road\r\nWan Chai, Hong Kong\",\r\n"
        << "2,ئايگۈل ئابلەت,\"Dear Ms \"\"Aygul\"\"\",\"Rue du Lac 5, 1207 Geneva\"," << long_note()
        << "\r\n"
        << "3,\"Smith, John\",Dear Mr Smith,1 Main Street,\r\n";
    return csv;
}

broadside::test::CommandResult merge(const std::string& letter, const fs::path& data,
                                     const std::string& output, const std::string& extra = "") {
    return run_command(shell_quote(BROADSIDE_BINARY) + " " + shell_quote(letter) + " --merge " +
                       shell_quote(data.string()) + " --style default -o " + shell_quote(output) +
                       " " + extra);
}

int page_count(const fs::path& pdf) {
    auto r = run_command("pdfinfo " + shell_quote(pdf.string()));
    REQUIRE(r.status == 0);
    std::smatch m;
    REQUIRE(std::regex_search(r.out, m, std::regex("Pages:\\s+(\\d+)")));
    return std::stoi(m[1]);
}

std::string text_of(const fs::path& pdf, int first = 0, int last = 0) {
    std::string range =
        first ? " -f " + std::to_string(first) + " -l " + std::to_string(last) : std::string();
    auto r = run_command("pdftotext -enc UTF-8" + range + " " + shell_quote(pdf.string()) + " -");
    REQUIRE(r.status == 0);
    return without_bidi_controls(r.out);
}

std::vector<std::string> files_in(const fs::path& dir) {
    std::vector<std::string> names;
    if (fs::exists(dir))
        for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename());
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace

TEST_CASE("merge writes one PDF per record, each naming its own recipient", "[merge][cli]") {
    auto dir = scratch_folder("per-record");
    auto csv = write_csv(dir);
    auto r = merge(letter_md, csv, (dir / "out/{{id}}-{{name}}.pdf").string());
    INFO(r.err);
    REQUIRE(r.status == 0);
    // The folder is created; names keep their Unicode and commas, nothing is left staged.
    CHECK(files_in(dir / "out") ==
          std::vector<std::string>{"1-Li Na 李娜.pdf", "2-ئايگۈل ئابلەت.pdf", "3-Smith, John.pdf"});
    for (const auto& own : recipients) {
        std::string text = text_of(dir / "out" / (own.id + "-" + own.name + ".pdf"));
        INFO(own.name << "\n" << text);
        CHECK(text.find("We write to you, " + own.name + ",") != std::string::npos);
        for (const auto& other : recipients)
            if (other.id != own.id) CHECK(text.find(other.name) == std::string::npos);
    }
    // Doubled quotes in CSV are one quote in the letter; the default fills {{topic}}.
    std::string second = text_of(dir / "out/2-ئايگۈل ئابلەت.pdf");
    CHECK(second.find("Dear Ms \"Aygul\"") != std::string::npos);
    CHECK(second.find("about the detained defenders.") != std::string::npos);
}

TEST_CASE("a combined duplex merge pads odd letters, restarts page labels, bookmarks each",
          "[merge][cli]") {
    auto dir = scratch_folder("combined");
    auto csv = write_csv(dir);
    REQUIRE(merge(letter_md, csv, (dir / "single/{{id}}.pdf").string()).status == 0);
    std::vector<int> pages;
    for (const auto& rec : recipients)
        pages.push_back(page_count(dir / "single" / (rec.id + ".pdf")));
    REQUIRE(pages[1] > 1);  // the long note gives record 2 more than one page
    REQUIRE(std::any_of(pages.begin(), pages.end(), [](int n) { return n % 2 == 1; }));

    auto all = dir / "all.pdf";
    auto r = merge(letter_md, csv, all.string(), "--duplex");
    INFO(r.err);
    REQUIRE(r.status == 0);
    std::vector<int> first_pages;  // 0-based index of each letter's first page
    int total = 0;
    for (int n : pages) {
        first_pages.push_back(total);
        total += n + n % 2;
    }
    CHECK(page_count(all) == total);

    // Each letter's pages name its own recipient; a padding page is empty.
    for (std::size_t i = 0; i < recipients.size(); ++i) {
        std::string text = text_of(all, first_pages[i] + 1, first_pages[i] + pages[i]);
        CHECK(text.find("We write to you, " + recipients[i].name) != std::string::npos);
        if (pages[i] % 2 == 1) {
            int blank = first_pages[i] + pages[i] + 1;
            std::string pad = text_of(all, blank, blank);
            CHECK(pad.find_first_not_of(" \n\f") == std::string::npos);
        }
    }

    auto outlines = run_command("qpdf --json --json-key=outlines " + shell_quote(all.string()));
    REQUIRE(outlines.status == 0);
    std::regex entry("\"destpageposfrom1\": (\\d+),[^}]*?\"title\": \"([^\"]*)\"");
    std::vector<std::pair<int, std::string>> bookmarks;
    for (std::sregex_iterator it(outlines.out.begin(), outlines.out.end(), entry), end; it != end;
         ++it)
        bookmarks.emplace_back(std::stoi((*it)[1]), (*it)[2]);
    REQUIRE(bookmarks.size() == recipients.size());
    for (std::size_t i = 0; i < recipients.size(); ++i) {
        CHECK(bookmarks[i].first == first_pages[i] + 1);
        CHECK(bookmarks[i].second == recipients[i].name);
    }

    auto labels = run_command("qpdf --json --json-key=pagelabels " + shell_quote(all.string()));
    REQUIRE(labels.status == 0);
    std::regex range("\"index\": (\\d+),\\s*\"label\": \\{\\s*\"/S\": \"/D\",\\s*\"/St\": 1");
    std::vector<int> starts;
    for (std::sregex_iterator it(labels.out.begin(), labels.out.end(), range), end; it != end; ++it)
        starts.push_back(std::stoi((*it)[1]));
    CHECK(starts == first_pages);
}

TEST_CASE("the combined file does not depend on the number of threads", "[merge][cli]") {
    auto dir = scratch_folder("jobs");
    auto csv = write_csv(dir);
    REQUIRE(merge(letter_md, csv, (dir / "one.pdf").string(), "--duplex --jobs 1").status == 0);
    REQUIRE(merge(letter_md, csv, (dir / "two.pdf").string(), "--duplex --jobs 2").status == 0);
    std::string one = read_file((dir / "one.pdf").string());
    CHECK(!one.empty());
    CHECK(one == read_file((dir / "two.pdf").string()));
    // Faces laid out on different threads are still embedded once each.
    auto fonts = run_command("pdffonts " + shell_quote((dir / "two.pdf").string()));
    auto one_fonts = run_command("pdffonts " + shell_quote((dir / "one.pdf").string()));
    CHECK(fonts.out == one_fonts.out);
}

TEST_CASE("a missing field names record, line and field, and leaves no output", "[merge][cli]") {
    auto dir = scratch_folder("missing");
    auto csv = write_csv(dir);
    auto letter = dir / "letter.md";
    std::ofstream(letter) << "---\nto: \"{{name}}\"\n---\n\nDear {{nickname}},\n";

    auto per_record = merge(letter.string(), csv, (dir / "out/{{id}}.pdf").string());
    CHECK(per_record.status == 1);
    // Every record is checked before anything is rendered, so all three are reported.
    CHECK_THAT(per_record.err,
               Catch::Contains("record 1 (" + csv.string() + ":2) has no field 'nickname'"));
    CHECK_THAT(per_record.err, Catch::Contains("record 2 (" + csv.string() + ":4)"));
    CHECK_THAT(per_record.err, Catch::Contains("record 3 (" + csv.string() + ":5)"));
    CHECK_FALSE(fs::exists(dir / "out"));

    auto combined = merge(letter.string(), csv, (dir / "all.pdf").string());
    CHECK(combined.status == 1);
    CHECK(files_in(dir) == std::vector<std::string>{"letter.md", "recipients.csv"});
}

TEST_CASE("a YAML record without a field is reported by its number and line", "[merge][cli]") {
    auto dir = scratch_folder("yaml");
    auto data = fs::path(BROADSIDE_SOURCE_DIR) / "tests/merge/data/missing.yaml";
    auto r = merge(letter_md, data, (dir / "{{id}}.pdf").string());
    CHECK(r.status == 1);
    CHECK_THAT(r.err,
               Catch::Contains("record 2 (" + data.string() + ":5) has no field 'salutation'"));
    CHECK_THAT(r.err, !Catch::Contains("record 1 "));
    CHECK(files_in(dir).empty());
}

TEST_CASE("a field in the output pattern that no record has is an error", "[merge][cli]") {
    auto dir = scratch_folder("pattern");
    auto csv = write_csv(dir);
    auto r = merge(letter_md, csv, (dir / "{{surname}}.pdf").string());
    CHECK(r.status == 1);
    CHECK_THAT(r.err, Catch::Contains("--output: error: record 1 (" + csv.string() +
                                      ":2) has no field 'surname'"));
    CHECK(files_in(dir) == std::vector<std::string>{"recipients.csv"});
    // With a default it works.
    r = merge(letter_md, csv, (dir / "{{surname|letter}}.pdf").string());
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(files_in(dir) ==
          std::vector<std::string>{"letter-2.pdf", "letter-3.pdf", "letter.pdf", "recipients.csv"});
}

TEST_CASE("a warning about the data of one record names it, a template warning prints once",
          "[merge][cli]") {
    auto dir = scratch_folder("warnings");
    auto csv = dir / "r.csv";
    std::ofstream(csv) << "id,name\n1,Ann Short\n2,"
                       << "Bartholomew Maximilian Featherstonehaugh-Wolfeschlegelsteinhausen Jr"
                       << "\n3,Cy Short\n4,Di Short\n";
    auto letter = dir / "letter.md";  // no sender: the letter layout warns about every letter
    std::ofstream(letter) << "---\nto: \"{{name}}\"\n---\n\nDear {{name}},\n";
    auto r = run_command(shell_quote(BROADSIDE_BINARY) + " " + shell_quote(letter.string()) +
                         " --merge " + shell_quote(csv.string()) + " --style din-5008-b -o " +
                         shell_quote((dir / "all.pdf").string()));
    INFO(r.err);
    CHECK(r.status == 0);
    std::regex wide("warning: record 2 \\(" +
                    std::regex_replace(csv.string(), std::regex("[.]"), "\\.") +
                    ":3\\): address line '[^']*' is wider than the window");
    CHECK(std::regex_search(r.err, wide));
    // The same template warning from all four letters is one line, with its count.
    std::smatch sender;
    REQUIRE(std::regex_search(r.err, sender, std::regex("warning: [^\n]*sender[^\n]*")));
    CHECK_THAT(sender.str(), Catch::EndsWith("(in 4 letters)"));
    CHECK(r.err.find(sender.str(), sender.position() + 1) == std::string::npos);
}

TEST_CASE("four shards of a 1,000-letter merge write exactly the letters of the whole job",
          "[merge][cli][shard]") {
    const fs::path dir = scratch_folder("merge-shards");
    {
        std::ofstream csv(dir / "many.csv", std::ios::binary);
        csv << "id,name,salutation,address\n";
        // Two records share a name: the file names' suffixes must not depend on the shard.
        for (int i = 1; i <= 1000; ++i)
            csv << (i == 700 ? 699 : i) << ",Person " << i << ",Dear Person " << i << "," << i
                << " Main Street\n";
    }
    auto whole = merge(letter_md, dir / "many.csv", (dir / "whole/{{id}}.pdf").string());
    INFO(whole.err);
    REQUIRE(whole.status == 0);
    // Each shard in a folder of its own: a shard that wrote every letter (or none) must fail.
    const auto shard_folder = [&](int k) { return dir / ("shard" + std::to_string(k)); };
    for (int k = 1; k <= 4; ++k) {
        auto part = merge(letter_md, dir / "many.csv", (shard_folder(k) / "{{id}}.pdf").string(),
                          "--shard " + std::to_string(k) + "/4");
        INFO(part.err);
        REQUIRE(part.status == 0);
        CHECK(std::distance(fs::directory_iterator(shard_folder(k)), fs::directory_iterator{}) ==
              250);
    }
    // Contiguous blocks: the first shard holds records 1-250, the last 751-1000.
    CHECK(fs::exists(shard_folder(1) / "1.pdf"));
    CHECK(fs::exists(shard_folder(1) / "250.pdf"));
    CHECK(fs::exists(shard_folder(4) / "1000.pdf"));
    std::size_t files = 0, same = 0;
    for (const auto& e : fs::directory_iterator(dir / "whole")) {
        ++files;
        for (int k = 1; k <= 4; ++k) {
            const fs::path other = shard_folder(k) / e.path().filename();
            same += fs::exists(other) && read_file(e.path().string()) == read_file(other.string());
        }
    }
    CHECK(files == 1000);
    CHECK(same == 1000);
    CHECK(fs::exists(dir / "whole/699-2.pdf"));

    auto bad = merge(letter_md, dir / "many.csv", (dir / "x.pdf").string(), "--shard 5/4");
    CHECK(bad.status == 2);
    CHECK(bad.err.find("--shard needs I/N") != std::string::npos);
}

TEST_CASE("with --attach-record each letter's PDF carries its record, a combined one all of them",
          "[merge][cli]") {
    const fs::path dir = scratch_folder("merge-attach-record");
    const fs::path csv = write_csv(dir);
    auto each = merge(letter_md, csv, (dir / "each/{{id}}.pdf").string(), "--attach-record");
    INFO(each.err);
    REQUIRE(each.status == 0);
    const auto attached = [&](const fs::path& pdf) {
        CHECK(run_command("pdfdetach -list " + shell_quote(pdf.string())).out.find("record") !=
              std::string::npos);
        const fs::path saved = dir / (pdf.stem().string() + "-attached.csv");
        REQUIRE(run_command("pdfdetach -save 1 -o " + shell_quote(saved.string()) + " " +
                            shell_quote(pdf.string()))
                    .status == 0);
        return read_file(saved.string());
    };
    // The record as it was read (quotes and line breaks kept by CSV's own quoting).
    CHECK(attached(dir / "each/3.pdf") ==
          "id,name,salutation,address,note\r\n3,\"Smith, John\",Dear Mr Smith,1 Main Street,\r\n");
    const std::string first = attached(dir / "each/1.pdf");
    CHECK(first.find("1,Li Na 李娜,Dear Ms Li,\"12 Harbour Road") != std::string::npos);
    CHECK(first.find("Wan Chai, Hong Kong\",") != std::string::npos);

    auto all = merge(letter_md, csv, (dir / "all.pdf").string(), "--attach-record");
    REQUIRE(all.status == 0);
    const std::string records = attached(dir / "all.pdf");
    CHECK(records.find("\r\n1,") != std::string::npos);
    CHECK(records.find("\r\n3,") != std::string::npos);
    CHECK(run_command("pdfinfo -meta " + shell_quote((dir / "all.pdf").string()))
              .out.find("<pdfaid:part>3</pdfaid:part>") != std::string::npos);

    // A joint letter also carries its co-signers as it lists them: 42 names under a header.
    const std::string samples = std::string(BROADSIDE_SOURCE_DIR) + "/samples/";
    auto joint =
        run_command(shell_quote(BROADSIDE_BINARY) + " " + shell_quote(samples + "joint-letter.md") +
                    " --merge " + shell_quote(samples + "recipients.csv") + " --attach-record -o " +
                    shell_quote((dir / "joint/{{id}}.pdf").string()));
    REQUIRE(joint.status == 0);
    const fs::path one = fs::directory_iterator(dir / "joint")->path();
    CHECK(run_command("pdfdetach -list " + shell_quote(one.string())).out ==
          "2 embedded files\n1: record.csv\n2: signatories.csv\n");
    const fs::path signers = dir / "signatories.csv";
    REQUIRE(run_command("pdfdetach -save 2 -o " + shell_quote(signers.string()) + " " +
                        shell_quote(one.string()))
                .status == 0);
    const std::string list = read_file(signers.string());
    CHECK(list.rfind("name\r\n", 0) == 0);
    CHECK(std::count(list.begin(), list.end(), '\n') == 43);

    auto without = run_command(shell_quote(BROADSIDE_BINARY) + " " + shell_quote(letter_md) +
                               " --attach-record -o " + shell_quote((dir / "x.pdf").string()));
    CHECK(without.status == 2);
    CHECK(without.err.find("--attach-record attaches mail-merge records") != std::string::npos);
}
