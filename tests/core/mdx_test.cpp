// MDX posts (Astro's blog template, Docusaurus): their JavaScript is left out with a warning,
// what a reader reads stays, and code blocks keep everything.
#include <catch2/catch.hpp>

#include "broadside/core/model_dump.hpp"
#include "broadside/core/plain_text.hpp"
#include "broadside/core/reader.hpp"

using namespace broadside::core;

TEST_CASE("mdx: imports, exports, components and comments are left out, their text kept") {
    Diagnostics diags;
    auto doc = read_document_text(
        "---\ntitle: First post\npubDate: 'Jul 08 2022'\n---\n"
        "import Chart from '../../components/Chart.astro';\n"
        "import {\n  Tabs,\n  TabItem,\n} from '@astrojs/starlight/components';\n\n"
        "export const year = 2022;\n\nSome **Markdown** text.\n\n"
        "<Chart data={[1, 2, 3]} title=\"a > b\" />\n\n<Tabs>\n<TabItem label=\"One\">\n\n"
        "Text inside a tab.\n\n</TabItem>\n</Tabs>\n\n{/* a comment */}\n\n"
        "```js\nimport x from 'y';\n<Chart />\n```\n",
        "post.mdx", diags);
    REQUIRE(doc);
    CHECK(normalize_whitespace(plain_text(*doc)) ==
          "Some Markdown text. Text inside a tab. import x from 'y'; <Chart />");
    std::string warnings;
    for (const auto& d : diags.items())
        warnings +=
            std::to_string(d.line) + ":" + std::to_string(d.column) + " " + d.message + "\n";
    CHECK(warnings ==
          "5:1 MDX import is not run; left out\n"
          "6:1 MDX import is not run; left out\n"
          "11:1 MDX export is not run; left out\n"
          "15:1 MDX component <Chart> is not run; its text is kept\n"
          "17:1 MDX component <Tabs> is not run; its text is kept\n"
          "18:1 MDX component <TabItem> is not run; its text is kept\n");
}

TEST_CASE("mdx: a .md file is Markdown, capitals and imports included") {
    Diagnostics diags;
    auto doc = read_document_text("import this\n\n<DIV>HTML is not case sensitive</DIV>\n",
                                  "post.md", diags);
    REQUIRE(doc);
    CHECK(normalize_whitespace(plain_text(*doc)) == "import this HTML is not case sensitive");
    CHECK(diags.empty());
}
