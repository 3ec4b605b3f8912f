// Liquid and Hugo shortcodes resolved before Markdown (core/src/site_templates.cpp).
#include <catch2/catch.hpp>

#include "broadside/core/diagnostics.hpp"
#include "site_templates.hpp"

using namespace broadside::core;

namespace {

struct Expanded {
    std::string text;
    Diagnostics diags;
    ReadCounts counts;
};

Expanded expand(std::string_view body, const Meta& page = Meta{}) {
    Expanded e;
    e.text = expand_site_templates(body, 5, page, "post.md", e.diags, e.counts);
    return e;
}

std::string messages(const Diagnostics& diags) {
    std::string out;
    for (const auto& d : diags.items())
        out += std::to_string(d.line) + ":" + std::to_string(d.column) + " " + d.message + "\n";
    return out;
}

}  // namespace

TEST_CASE("Liquid raw keeps its content literally, comment drops it but keeps its lines") {
    auto e = expand(
        "a {% raw %}{{ site.x }} {% if %}{% endraw %} b\n{% comment %}x\ny{% endcomment %}z");
    CHECK(e.text == "a {{ site.x }} {% if %} b\n\nz");
    CHECK(e.diags.items().empty());
}

TEST_CASE("Liquid highlight is a fenced code block on the same lines") {
    auto e = expand("Text:\n{% highlight ruby linenos %}\nputs 1\n{% endhighlight %}\nafter");
    CHECK(e.text == "Text:\n```ruby\nputs 1\n```\nafter");
    auto fenced = expand("{% highlight md %}\n```x```\n{% endhighlight %}");
    CHECK(fenced.text == "````md\n```x```\n````");
}

TEST_CASE("Liquid link and post_url lead to the post by its name") {
    CHECK(expand("[a]({% link _posts/2016-07-26-sass.md %})").text == "[a](/2016-07-26-sass/)");
    CHECK(expand("[a]({% link docs/history.md %})").text == "[a](/docs/history.md)");
    CHECK(expand("[a]({% post_url 2010-07-21-name %}#part)").text == "[a](/2010-07-21-name/#part)");
}

TEST_CASE("Liquid objects: page keys, quoted strings with filters, others warned") {
    MetaMap map;
    map.emplace_back("title", MetaValue{std::string("Release"), {}});
    const Meta page(map);
    CHECK(expand("{{ page.title }}!", page).text == "Release!");
    CHECK(expand("![x]({{ \"/docs/assets/a.png\" | relative_url }})").text ==
          "![x](/docs/assets/a.png)");
    auto e = expand(
        "line\nsee {{ site.repository }}/issues and {%- for p in site.posts -%}x{% endfor %}");
    CHECK(e.text == "line\nsee /issues and x");
    CHECK(messages(e.diags) ==
          "6:5 Liquid {{ site.repository }} is not known here; left out\n"
          "6:38 Liquid tag {% for %} is not run; left out\n"
          "6:66 Liquid tag {% endfor %} is not run; left out\n");
    CHECK(e.counts.template_tags == 3);
    CHECK(e.counts.template_tags_left_out == 3);
}

TEST_CASE("mail-merge fields are not Liquid") {
    const std::string letter = "Dear {{name}}, {{signatories.count}} groups on {{topic|rights}}.";
    auto e = expand(letter);
    CHECK(e.text == letter);
    CHECK(e.diags.items().empty());
}

TEST_CASE("Hugo shortcodes: figure, ref, highlight, youtube, escaped and unknown") {
    CHECK(expand("{{< figure src=\"/img/a b.png\" caption=\"The map\" >}}").text ==
          "![The map](/img/a b.png)");
    CHECK(expand("[x]({{< ref \"posts/first.md#intro\" >}})").text == "[x](/first/#intro)");
    CHECK(expand("[x]({{< relref path=\"/blog/second\" >}})").text == "[x](/second/)");
    CHECK(expand("{{< highlight go >}}\nfmt.Println()\n{{< / highlight >}}").text ==
          "```go\nfmt.Println()\n```");
    CHECK(expand("{{< youtube w7Ft2ymGmfc >}}").text ==
          "[YouTube video w7Ft2ymGmfc](https://www.youtube.com/watch?v=w7Ft2ymGmfc)");
    CHECK(expand("{{< vimeo id=\"146022717\" title=\"A talk\" >}}").text ==
          "[A talk](https://vimeo.com/146022717)");
    CHECK(expand("{{</* figure src=\"x\" */>}}").text == "{{< figure src=\"x\" >}}");
    auto e = expand("{{% notice tip %}}Keep this.{{% /notice %}}");
    CHECK(e.text == "Keep this.");
    CHECK(messages(e.diags) == "5:1 Hugo shortcode {{< notice >}} is not known; left out\n");
    CHECK(e.counts.template_tags == 1);  // the closing tag is part of the one left out
    CHECK(e.counts.template_tags_left_out == 1);
}

TEST_CASE("unclosed and endless tags cost a warning, not time") {
    auto e = expand("{% raw %} never closed {{ page.x }}");
    CHECK(e.text == " never closed {{ page.x }}");
    CHECK(messages(e.diags) ==
          "5:1 {% raw %} has no {% endraw %}; the rest of the post is kept as written\n");
    std::string many;
    for (int i = 0; i < 200000; ++i) many += "{{ {% {{< ";
    CHECK(expand(many).text == many);
    std::string raws;
    for (int i = 0; i < 100000; ++i) raws += "{% raw %}";
    CHECK(expand(raws).diags.items().size() == 1);
}
