
TEST_CASE("Lesson text is reflowed: single breaks join, blank lines stay paragraphs", "[ui][source]") {
    CHECK(reflow("FIFO evicts\nthe oldest page.\n\nChange frames\nto 4.\n") == "FIFO evicts the oldest page.\n\nChange frames to 4.");
    CHECK(reflow("") == "");
}
