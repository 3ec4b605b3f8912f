// Finding the site project around posts and what it answers (core/src/site.cpp), and the
// resource policy inside it.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "broadside/core/plain_text.hpp"
#include "broadside/core/reader.hpp"
#include "broadside/core/resources.hpp"
#include "broadside/core/site.hpp"
#include "scratch_folder.hpp"

namespace fs = std::filesystem;
using namespace broadside::core;

namespace {

void write(const fs::path& file, const std::string& text) {
    fs::create_directories(file.parent_path());
    std::ofstream(file) << text;
}

std::string infos(const Diagnostics& diags) {
    std::string out;
    for (const auto& d : diags.items()) out += d.message + "\n";
    return out;
}

}  // namespace

TEST_CASE("a Jekyll site is found above its _posts, with url and baseurl") {
    const fs::path root = broadside::test::scratch_folder("jekyll");
    write(root / "_config.yml",
          "title: Docs\nurl: https://jekyllrb.com\nbaseurl: /blog/\n"
          "repository: jekyll/jekyll\n");
    write(root / "_posts/2016-05-13-rustup.md", "# x\n");
    write(root / "images/chart.png", "x");
    Diagnostics diags;
    auto site = find_site((root / "_posts").string(), diags);
    REQUIRE(site);
    CHECK(site->generator == "Jekyll");
    CHECK(site->root == fs::canonical(root).string());
    CHECK(site->static_dir == site->root);
    CHECK(site->origin == "https://jekyllrb.com");
    CHECK(site->base_path == "/blog");
    CHECK(site->value("repository") == "jekyll/jekyll");
    CHECK_FALSE(site->value("nothing"));
    CHECK(site->site_path("https://jekyllrb.com/blog/2016/05/13/rustup.html#a") ==
          "/2016/05/13/rustup.html#a");
    CHECK(site->site_path("/blog/2016/x/") == "/2016/x/");
    CHECK(site->site_path("/blogger/") == "/blogger/");  // not under the base path
    CHECK_FALSE(site->site_path("https://example.org/blog/x"));
    CHECK_FALSE(site->site_path("//cdn.example.org/x.png"));
    CHECK_FALSE(site->site_path("other.md"));
    CHECK_FALSE(diags.has_errors());
}

TEST_CASE("Hugo, Zola and Astro projects are told apart by their own files") {
    const fs::path base = broadside::test::scratch_folder("generators");
    write(base / "hugo/hugo.toml", "baseURL = 'https://gohugo.io/news/'\n");
    write(base / "hugo/content/posts/a.md", "x");
    write(base / "zola/config.toml", "base_url = \"https://blog.rust-lang.org\"\n");
    write(base / "zola/content/a.md", "x");
    write(base / "astro/astro.config.mjs",
          "export default defineConfig({\n  site: 'https://astro.build',\n  base: '/blog',\n});\n");
    write(base / "astro/src/content/blog/a.md", "x");
    Diagnostics diags;
    auto hugo = find_site((base / "hugo/content/posts").string(), diags);
    REQUIRE(hugo);
    CHECK(hugo->generator == "Hugo");
    CHECK(hugo->static_dir == (fs::path(hugo->root) / "static").string());
    CHECK(hugo->origin == "https://gohugo.io");
    CHECK(hugo->base_path == "/news");
    auto zola = find_site((base / "zola/content").string(), diags);
    REQUIRE(zola);
    CHECK(zola->generator == "Zola");
    CHECK(zola->origin == "https://blog.rust-lang.org");
    CHECK(zola->base_path.empty());
    auto astro = find_site((base / "astro/src/content/blog").string(), diags);
    REQUIRE(astro);
    CHECK(astro->generator == "Astro");
    CHECK(astro->static_dir == (fs::path(astro->root) / "public").string());
    CHECK(astro->origin == "https://astro.build");
    CHECK(astro->base_path == "/blog");
}

TEST_CASE("no site is made up: a lone config.toml or _config.yml is not a project") {
    const fs::path base = broadside::test::scratch_folder("nosite");
    write(base / "notes/config.toml", "x = 1\n");
    write(base / "notes/posts/a.md", "x");
    write(base / "notes/_config.yml", "title: x\n");
    Diagnostics diags;
    CHECK_FALSE(find_site((base / "notes/posts").string(), diags));
}

TEST_CASE("a configuration that does not parse is a warning, the site is still found") {
    const fs::path root = broadside::test::scratch_folder("badconfig");
    write(root / "_config.yml", "title: [unclosed\n");
    write(root / "_posts/a.md", "x");
    Diagnostics diags;
    auto site = find_site((root / "_posts").string(), diags);
    REQUIRE(site);
    CHECK_FALSE(diags.has_errors());
    CHECK_THAT(infos(diags), Catch::Contains("the site's settings are not used"));
}

TEST_CASE("a chosen site root names the site, and a bare folder maps site paths to itself") {
    const fs::path root = broadside::test::scratch_folder("bare");
    write(root / "posts/a.md", "x");
    Diagnostics diags;
    auto site = site_of_job(root.string(), (root / "posts").string(), diags);
    REQUIRE(site);
    CHECK(site->generator.empty());
    CHECK(site->static_dir == fs::canonical(root).string());
    CHECK_THAT(infos(diags), Catch::Contains("the posts belong to the site root"));
    Diagnostics bad;
    CHECK_FALSE(site_of_job((root / "missing").string(), root.string(), bad));
    CHECK(bad.has_errors());
}

TEST_CASE("inside a site, /x.png is in its static folder and the site root is the sandbox") {
    const fs::path base = broadside::test::scratch_folder("sandbox");
    const fs::path root = base / "site";
    write(root / "config.toml", "base_url = \"https://blog.example.org/news\"\n");
    write(root / "content/2016/post.md", "x");
    write(root / "static/images/chart.png", "x");
    write(root / "theme/logo.png", "x");
    write(base / "secret.png", "x");
    Diagnostics diags;
    auto site = find_site((root / "content").string(), diags);
    REQUIRE(site);
    const std::string doc_dir = (root / "content/2016").string();
    const ResourcePolicy outside_site((root / "content").string());
    CHECK_FALSE(outside_site.resolve("/images/chart.png", doc_dir, "image").ok);
    const ResourcePolicy policy = outside_site.within_site(*site);
    CHECK(policy.resolve("/images/chart.png", doc_dir, "image").ok);
    CHECK(policy.resolve("/news/images/chart.png", doc_dir, "image").ok);  // with the base path
    CHECK(policy.resolve("../../theme/logo.png", doc_dir, "image").ok);
    auto above = policy.resolve("../../../secret.png", doc_dir, "image");
    CHECK_FALSE(above.ok);
    CHECK_THAT(above.problem, Catch::Contains("'../../../secret.png' lies outside the site"));
    auto missing = policy.resolve("/images/gone.png", doc_dir, "image");
    CHECK_THAT(missing.problem, Catch::Contains("'/images/gone.png' not found"));
}

TEST_CASE("Liquid reads the site's settings, its address filters and its _includes") {
    const fs::path root = broadside::test::scratch_folder("liquid");
    write(root / "_config.yml",
          "url: https://jekyllrb.com\nbaseurl: /docs\nrepository: jekyll/x\n");
    write(root / "_includes/note.html", "<p>Note for {{ site.repository }}</p>\n");
    write(root / "_posts/a.md", "x");
    Diagnostics diags;
    auto site = find_site((root / "_posts").string(), diags);
    REQUIRE(site);
    auto doc = read_document_text(
        "See [repo](https://github.com/{{ site.repository }}), [docs]({{ site.baseurl }}/x/), "
        "[b]({{ \"/y/\" | relative_url }}), [c]({{ '/z/' | absolute_url }}).\n\n"
        "{% include note.html %}\n\n{% include missing.html %}\n",
        (root / "_posts/a.md").string(), diags, {}, &*site);
    REQUIRE(doc);
    const std::string dump = infos(diags);
    CHECK_THAT(dump, Catch::Contains("Liquid tag {% include %} is not run"));
    CHECK_THAT(dump, !Catch::Contains("site.repository"));
    std::string text;
    for (const auto& block : doc->blocks) {
        if (const auto* p = std::get_if<Paragraph>(&block.node)) {
            for (const auto& in : p->children) {
                if (const auto* link = std::get_if<Link>(&in.node)) text += link->url + " ";
            }
        }
    }
    CHECK(text == "https://github.com/jekyll/x /docs/x/ /docs/y/ https://jekyllrb.com/docs/z/ ");
    // The included HTML is translated like any other: its paragraph is the model's.
    REQUIRE(doc->blocks.size() == 2);
    CHECK(plain_text(std::get<Paragraph>(doc->blocks[1].node).children) == "Note for jekyll/x");
}
