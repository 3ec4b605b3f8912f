// The combined layout of a merge: labels, bookmarks, duplex padding and shared faces.
#include <catch2/catch.hpp>

#include "broadside/merge/combined_layout.hpp"

using namespace broadside;

namespace {

pdf::Layout letter_of(int pages) {
    pdf::Layout l;
    for (int i = 0; i < pages; ++i) {
        pdf::Page page{{595, 842}, {}, std::nullopt};
        pdf::Frame body{{{70, 70}, {455, 700}}, {}};
        body.items.emplace_back(pdf::Point{0, 0}, pdf::Anchor{"intro", "Intro", 1});
        body.items.emplace_back(pdf::Point{0, 20}, pdf::Link{{10, 10}, "#intro"});
        page.frames.push_back(std::move(body));
        l.pages.push_back(std::move(page));
    }
    return l;
}

const pdf::Anchor* first_anchor(const pdf::Page& page) {
    for (const auto& f : page.frames)
        for (const auto& [at, item] : f.items)
            if (const auto* a = std::get_if<pdf::Anchor>(&item)) return a;
    return nullptr;
}

}  // namespace

TEST_CASE("letters are joined with restarting labels and a bookmark each", "[merge][combined]") {
    std::vector<pdf::Page> pages;
    merge::CombinedLayout combined(false, [&](pdf::Page&& p) { pages.push_back(std::move(p)); });
    combined.append(letter_of(1), 1, "Li Na 李娜");
    combined.append(letter_of(2), 2, "Smith, John");
    REQUIRE(pages.size() == 3);
    CHECK(pages[0].label.has_value());
    CHECK(pages[1].label.has_value());
    CHECK_FALSE(pages[2].label.has_value());
    CHECK(pages[1].label->start == 1);

    const auto* mark = first_anchor(pages[1]);
    REQUIRE(mark);
    CHECK(mark->title == "Smith, John");
    CHECK(mark->level == 1);
    CHECK(mark->id == "letter-2");
    // The letter's own heading nests under its bookmark, with an id of its own; its links follow.
    const auto& own = pages[1].frames[1].items;
    CHECK(std::get<pdf::Anchor>(own[0].second).id == "letter-2-intro");
    CHECK(std::get<pdf::Anchor>(own[0].second).level == 2);
    CHECK(std::get<pdf::Link>(own[1].second).url == "#letter-2-intro");
}

TEST_CASE("duplex pads letters of odd length with a blank page", "[merge][combined]") {
    std::vector<pdf::Page> pages;
    merge::CombinedLayout combined(true, [&](pdf::Page&& p) { pages.push_back(std::move(p)); });
    combined.append(letter_of(1), 1, "a");
    combined.append(letter_of(2), 2, "b");
    combined.append(letter_of(3), 3, "c");
    REQUIRE(pages.size() == 2 + 2 + 4);
    for (std::size_t blank : {1u, 7u}) {
        CHECK(pages[blank].frames.empty());
        CHECK_FALSE(pages[blank].label.has_value());
        CHECK(pages[blank].size.width == 595);
    }
    CHECK(pages[2].label.has_value());
    CHECK(pages[4].label.has_value());
}
