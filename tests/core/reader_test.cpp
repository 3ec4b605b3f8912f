#include <catch2/catch.hpp>

#include <chrono>

#include "broadside/core/model_dump.hpp"
#include "broadside/core/plain_text.hpp"
#include "broadside/core/reader.hpp"

using namespace broadside::core;

namespace {

Document read_ok(std::string_view text, Diagnostics& diags, const std::string& path = "t.md") {
    auto doc = read_document_text(text, path, diags);
    REQUIRE(doc);
    return std::move(*doc);
}

template <class T>
const T& block_as(const Document& d, std::size_t i) {
    REQUIRE(i < d.blocks.size());
    const T* b = std::get_if<T>(&d.blocks[i].node);
    REQUIRE(b);
    return *b;
}

}  // namespace

TEST_CASE("front matter is typed and spans count in the whole file") {
    Diagnostics diags;
    auto doc = read_ok(
        "---\ntitle: Hello\ndate: 2021-07-12\ndraft: false\ncount: 42\nq: \"42\"\n"
        "layout: ../../x.astro\n---\n\n# Head\n",
        diags);
    CHECK(diags.empty());
    CHECK(doc.meta.title() == "Hello");
    CHECK(doc.meta.date()->iso() == "2021-07-12");
    CHECK(*doc.meta.find("count")->as_number() == 42);
    CHECK(*doc.meta.find("q")->as_string() == "42");
    CHECK(*doc.meta.find("layout")->as_string() == "../../x.astro");
    CHECK(doc.meta.find("title")->span.line == 2);
    const auto& h = block_as<Heading>(doc, 0);
    CHECK(h.id == "head");
    CHECK(doc.blocks[0].span.line == 10);
}

TEST_CASE("front matter may close with ... and files may start with a BOM and use CRLF") {
    Diagnostics diags;
    auto doc = read_ok("\xEF\xBB\xBF---\r\ntitle: T\r\n...\r\nBody\r\n", diags);
    CHECK(diags.empty());
    CHECK(doc.meta.title() == "T");
    CHECK(plain_text(doc) == "Body\n");
}

TEST_CASE("TOML front matter (Hugo, Zola) is typed, in the file's order, spans in the file") {
    Diagnostics diags;
    auto doc = read_ok(
        "+++\r\npath = \"2020/03/12/Rust-1.42\"\ntitle = \"Announcing Rust 1.42.0\"\n"
        "date = 2020-03-12T09:30:00+01:00\nauthors = [\"The Rust Release Team\"]\n"
        "weight = 3\nratio = 0.5\ndraft = false\n\n[extra]\nrelease = true\n+++\n\n# Head\n",
        diags);
    CHECK(diags.empty());
    CHECK(doc.meta.title() == "Announcing Rust 1.42.0");
    CHECK(doc.meta.date()->iso() == "2020-03-12T09:30:00+01:00");
    CHECK(doc.meta.authors() == std::vector<std::string>{"The Rust Release Team"});
    CHECK(*doc.meta.find("weight")->as_number() == 3);
    CHECK(*doc.meta.find("ratio")->as_number() == 0.5);
    CHECK_FALSE(doc.meta.draft());
    REQUIRE(doc.meta.find("extra"));
    CHECK(*doc.meta.find("extra")->find("release")->as_bool());
    std::vector<std::string> keys;
    for (const auto& [key, value] : doc.meta.values()) keys.push_back(key);
    CHECK(keys == std::vector<std::string>{"path", "title", "date", "authors", "weight", "ratio",
                                           "draft", "extra"});
    CHECK(doc.meta.find("title")->span.line == 3);
    CHECK(doc.meta.find("extra")->find("release")->span.line == 11);
    CHECK(doc.blocks[0].span.line == 14);
}

TEST_CASE("a date written as a quoted string is the date it spells, in TOML and YAML") {
    Diagnostics diags;
    auto toml = read_ok("+++\ndate = '2023-01-01T08:00:00-07:00'\n+++\ntext\n", diags);
    CHECK(toml.meta.date()->iso() == "2023-01-01T08:00:00-07:00");
    auto yaml = read_ok("---\ndate: \"2013-05-06 02:12:52 +0200\"\n---\ntext\n", diags);
    CHECK(yaml.meta.date()->iso() == "2013-05-06T02:12:52+02:00");
    CHECK(diags.empty());
    auto words = read_ok("+++\ndate = 'last spring'\n+++\ntext\n", diags);
    CHECK_FALSE(words.meta.date());
    REQUIRE(diags.items().size() == 1);
    CHECK(diags.items()[0].line == 2);
    CHECK(diags.items()[0].message.find("'date' is not a date") != std::string::npos);
}

TEST_CASE("malformed, megabyte and deeply nested TOML front matter end in a message") {
    Diagnostics bad;
    CHECK_FALSE(read_document_text("+++\ntitle = \"ok\"\ntags = [\"a\", \n+++\n", "m.md", bad));
    REQUIRE_FALSE(bad.items().empty());
    CHECK(bad.items()[0].severity == Severity::error);
    CHECK(bad.items()[0].line >= 3);
    CHECK(bad.items()[0].message.rfind("malformed TOML front matter: ", 0) == 0);

    Diagnostics long_value;
    const std::string mega(1 << 20, '7');
    auto doc = read_ok("+++\ntitle = \"" + mega + "\"\n+++\ntext\n", long_value);
    CHECK(doc.meta.title()->size() == mega.size());

    Diagnostics deep;
    const std::string nested = std::string(100000, '[') + std::string(100000, ']');
    CHECK_FALSE(read_document_text("+++\nx = " + nested + "\n+++\n", "d.md", deep));
    REQUIRE_FALSE(deep.items().empty());
    CHECK(deep.items()[0].message.size() < 400);
}

TEST_CASE("a Jekyll file name supplies the date only when front matter has none") {
    Diagnostics diags;
    auto a = read_ok("text\n", diags, "posts/2020-05-06-slug.md");
    CHECK(a.meta.date()->iso() == "2020-05-06");
    auto b = read_ok("---\ndate: 2021-01-01\n---\ntext\n", diags, "posts/2020-05-06-slug.md");
    CHECK(b.meta.date()->iso() == "2021-01-01");
}

TEST_CASE("a date that is not a date is a warning naming the key") {
    Diagnostics diags;
    auto doc = read_ok("---\ndate: July 12\n---\ntext\n", diags);
    REQUIRE(diags.items().size() == 1);
    CHECK(diags.items()[0].severity == Severity::warning);
    CHECK(diags.items()[0].line == 2);
    CHECK(diags.items()[0].message.find("'date'") != std::string::npos);
    CHECK_FALSE(doc.meta.date());
}

TEST_CASE("malformed YAML is an error at yaml-cpp's line and column") {
    Diagnostics diags;
    auto doc = read_document_text("---\ntitle: ok\ntags: [a, b\nx: y\n---\n", "m.md", diags);
    CHECK_FALSE(doc);
    REQUIRE(diags.has_errors());
    CHECK(diags.items()[0].line == 4);  // where the unclosed flow list meets the next key
}

TEST_CASE("an unclosed quote in front matter is an error at the quote") {
    Diagnostics diags;
    auto doc =
        read_document_text("---\ntitle: \"never closed\ndate: 2021-01-01\n---\nx\n", "q.md", diags);
    CHECK_FALSE(doc);
    REQUIRE(diags.has_errors());
    CHECK(diags.items()[0].line == 2);
    CHECK(diags.items()[0].column == 8);
}

TEST_CASE("alias bombs in front matter stop with an error instead of exhausting memory") {
    std::string yaml = "---\na: &a [x, x, x, x, x, x, x, x, x, x]\n";
    char prev = 'a';
    for (char c = 'b'; c <= 'k'; ++c) {
        yaml += std::string(1, c) + ": &" + c + " [";
        for (int i = 0; i < 10; ++i) yaml += std::string(i ? ", *" : "*") + prev;
        yaml += "]\n";
        prev = c;
    }
    yaml += "---\nbody\n";
    Diagnostics diags;
    auto start = std::chrono::steady_clock::now();
    auto doc = read_document_text(yaml, "bomb.md", diags);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
    CHECK_FALSE(doc);
    CHECK(diags.has_errors());
}

TEST_CASE("every construct reaches the model") {
    Diagnostics diags;
    auto doc = read_ok(
        "# T\n\n- [x] a\n- [ ] b\n\n3. c\n\n| a | b |\n|:-|-:|\n| 1 |\n\n"
        "x[^n] ~~s~~ `c` <https://y.org> www.z.org ![alt](i.png \"t\") <b>h</b>\n\n"
        "> q\n\n```js\nk\n```\n\n---\n\n<div>d</div>\n\n[^n]: note\n",
        diags);
    CHECK(diags.empty());
    REQUIRE(doc.blocks.size() == 10);
    const auto& tasks = block_as<List>(doc, 1);
    CHECK(tasks.items[0].task == TaskState::checked);
    CHECK(tasks.items[1].task == TaskState::unchecked);
    const auto& ordered = block_as<List>(doc, 2);
    CHECK(ordered.ordered);
    CHECK(ordered.start == 3);
    const auto& table = block_as<Table>(doc, 3);
    CHECK(table.alignments == std::vector<Alignment>{Alignment::left, Alignment::right});
    REQUIRE(table.rows.size() == 1);
    CHECK(table.rows[0].cells.size() == 2);  // the short row is padded
    const auto& para = block_as<Paragraph>(doc, 4);
    int links = 0, autolinks = 0;
    for (const auto& i : para.children)
        if (const auto* l = std::get_if<Link>(&i.node)) {
            ++links;
            autolinks += l->autolink;
        }
    CHECK(links == 2);
    CHECK(autolinks == 2);
    block_as<BlockQuote>(doc, 5);
    CHECK(block_as<CodeBlock>(doc, 6).info == "js");
    block_as<ThematicBreak>(doc, 7);
    CHECK(std::holds_alternative<Strong>(para.children[para.children.size() - 1].node));
    // An HTML block becomes the model's own blocks.
    CHECK(plain_text(block_as<Paragraph>(doc, 8).children) == "d");
    const auto& note = block_as<FootnoteDefinition>(doc, 9);
    CHECK(note.number == 1);
    CHECK(note.label == "n");
    CHECK(normalize_whitespace(plain_text(doc)) ==
          "T a b c a b 1 x1 s c https://y.org www.z.org alt h q k d note");
}

TEST_CASE("smart punctuation is applied") {
    Diagnostics diags;
    auto doc = read_ok("\"Quoted\" -- it's... ---\n", diags);
    CHECK(plain_text(doc) ==
          "\xE2\x80\x9CQuoted\xE2\x80\x9D \xE2\x80\x93 it\xE2\x80\x99s\xE2\x80\xA6 "
          "\xE2\x80\x94\n");
}

TEST_CASE("a heading's {#id .class} block (Zola, Hugo, kramdown, pandoc) gives its id") {
    Diagnostics diags;
    auto doc = read_ok(
        "# Motivation {#motivation}\n\n## Why *this* works {#why .wide data-x=1}\n\n"
        "## A set {a, b}\n\n## Code `x{#y}`\n\n## Glued{#no}\n\n## Only classes {.wide}\n",
        diags);
    CHECK(diags.items().empty());
    const auto& motivation = block_as<Heading>(doc, 0);
    CHECK(motivation.id == "motivation");
    CHECK(plain_text(motivation.children) == "Motivation");
    const auto& why = block_as<Heading>(doc, 1);
    CHECK(why.id == "why");
    CHECK(plain_text(why.children) == "Why this works");
    // Braces that are no attribute block, or a block glued to a word, stay text.
    CHECK(plain_text(block_as<Heading>(doc, 2).children) == "A set {a, b}");
    CHECK(block_as<Heading>(doc, 2).id == "a-set-a-b");
    CHECK(plain_text(block_as<Heading>(doc, 3).children) == "Code x{#y}");
    CHECK(plain_text(block_as<Heading>(doc, 4).children) == "Glued{#no}");
    // Classes alone: the block goes, the id comes from the text.
    CHECK(plain_text(block_as<Heading>(doc, 5).children) == "Only classes");
    CHECK(block_as<Heading>(doc, 5).id == "only-classes");
}

TEST_CASE("an empty or white-space-only file is an error") {
    Diagnostics diags;
    CHECK_FALSE(read_document_text("", "e.md", diags));
    CHECK_FALSE(read_document_text(" \n\n", "e.md", diags));
    CHECK(diags.items().size() == 2);
}

TEST_CASE("pathological inputs finish in bounded time") {
    using clock = std::chrono::steady_clock;
    auto within = [](const std::string& text, const char* what) {
        INFO(what);
        Diagnostics diags;
        auto start = clock::now();
        auto doc = read_document_text(text, "p.md", diags);
        REQUIRE(doc);
        auto dump = dump_document(*doc);  // exporters walk the tree the same way
        CHECK(clock::now() - start < std::chrono::seconds(5));
        return plain_text(*doc);
    };
    SECTION("10,000-deep block quotes keep their text and warn") {
        auto text = within(std::string(10000, '>') + " deep\n", "quotes");
        CHECK(text.find("deep") != std::string::npos);
    }
    SECTION("10,000-deep lists") {
        std::string md;
        for (int i = 0; i < 10000; ++i) md += "- ";
        auto text = within(md + "leaf\n", "lists");
        CHECK(text.find("leaf") != std::string::npos);
    }
    SECTION("a 1 MB paragraph") {
        std::string md;
        while (md.size() < (1u << 20)) md += "word ";
        auto text = within(md + "\n", "paragraph");
        CHECK(text.size() >= (1u << 20) - 8);
    }
    SECTION("a 2,000-column table row") {
        std::string head = "|", rule = "|", row = "|";
        for (int i = 0; i < 2000; ++i) {
            head += "h" + std::to_string(i) + "|";
            rule += "-|";
            row += "c" + std::to_string(i) + "|";
        }
        auto text = within(head + "\n" + rule + "\n" + row + "\n", "table");
        CHECK(text.find("c1999") != std::string::npos);
    }
    SECTION("20,000-deep emphasis and brackets") {
        within(std::string(20000, '*') + "a" + std::string(20000, '*') + "\n", "emphasis");
        within(std::string(50000, '[') + "a" + std::string(50000, ']') + "\n", "brackets");
    }
}
