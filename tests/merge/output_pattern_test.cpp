// File names from record data: safe, unique, and as close to the data as that allows.
#include <catch2/catch.hpp>

#include "broadside/merge/output_pattern.hpp"

using broadside::merge::expand_output_pattern;
using broadside::merge::is_output_pattern;
using broadside::merge::safe_file_name;
using broadside::core::Diagnostics;
using broadside::core::Record;

namespace {

std::vector<Record> records_named(const std::vector<std::string>& names) {
    std::vector<Record> out;
    for (std::size_t i = 0; i < names.size(); ++i)
        out.push_back(
            Record{{{"name", names[i]}}, static_cast<int>(i) + 1, static_cast<int>(i) + 2});
    return out;
}

}  // namespace

TEST_CASE("record values become safe file names", "[merge][names]") {
    CHECK(safe_file_name("Li Na 李娜") == "Li Na 李娜");
    CHECK(safe_file_name("ئايگۈل ئابلەت") == "ئايگۈل ئابلەت");
    CHECK(safe_file_name("../../etc/passwd") == "_._.._etc_passwd");
    CHECK(safe_file_name("..") == "_.");
    CHECK(safe_file_name(".hidden") == "_hidden");
    CHECK(safe_file_name("a\\b:c*d?e\"f<g>h|i") == "a_b_c_d_e_f_g_h_i");
    CHECK(safe_file_name("line\r\nbreak\ttab") == "line__break_tab");
    // A right-to-left override would show "invoice\u202Efdp.exe" as "invoiceexe.pdf".
    CHECK(safe_file_name("invoice\u202Efdp.exe") == "invoice_fdp.exe");
    CHECK(safe_file_name("  padded  ") == "padded");
    CHECK(safe_file_name("bad\xFF"
                         "byte") ==
          "bad\xEF\xBF\xBD"
          "byte");
    CHECK(safe_file_name(std::string(300, 'x')).size() == 100);
    // Cut on a character, never inside one: 李 is three bytes.
    std::string cut = safe_file_name(std::string(99, 'x') + "李");
    CHECK(cut == std::string(99, 'x'));
}

TEST_CASE("an output pattern gives every record its own path", "[merge][names]") {
    CHECK(is_output_pattern("out/{{id}}.pdf"));
    CHECK_FALSE(is_output_pattern("all.pdf"));
    CHECK_FALSE(is_output_pattern("odd{{.pdf"));

    Diagnostics diags;
    auto paths = expand_output_pattern(
        "out/{{name}}.pdf",
        records_named({"Smith, John", "smith, john", "Smith, John", "", "../x", "a/b"}), "r.csv",
        diags);
    CHECK(diags.empty());
    CHECK(paths == std::vector<std::string>{"out/Smith, John.pdf", "out/smith, john-2.pdf",
                                            "out/Smith, John-3.pdf", "out/record-4.pdf",
                                            "out/_._x.pdf", "out/a_b.pdf"});
}

TEST_CASE("a pattern default is made safe too, and a missing field names the record",
          "[merge][names]") {
    Diagnostics diags;
    auto paths = expand_output_pattern("{{country|../up}}/{{name}}.pdf", records_named({"A", "B"}),
                                       "r.csv", diags);
    CHECK(diags.empty());
    CHECK(paths == std::vector<std::string>{"_._up/A.pdf", "_._up/B.pdf"});

    paths = expand_output_pattern("{{id}}.pdf", records_named({"A"}), "r.csv", diags);
    CHECK(paths.empty());
    REQUIRE(diags.items().size() == 1);
    CHECK(diags.items()[0].message == "record 1 (r.csv:2) has no field 'id'");
}
