// memsim.debugWidgets(): the rectangles of the last frame's windows and named widgets,
// from a real (headless) ImGui frame.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "imgui.h"
#include "ui/controller.hpp"
#include "ui/page_api.hpp"
#include "ui/widget_rects.hpp"

using namespace memsim::ui;

namespace {
void frame(bool with_button) {
    ImGui::NewFrame();
    begin_widget_frame();
    ImGui::SetNextWindowPos(ImVec2(10, 20));
    ImGui::SetNextWindowSize(ImVec2(200, 100));
    ImGui::Begin("Panel");
    if (with_button) {
        ImGui::Button("Go");
        note_item("panel.go");
    }
    ImGui::End();
    end_widget_frame();
    ImGui::Render();
}
}  // namespace

TEST_CASE("debugWidgets reports the last frame's windows, title bars and named widgets", "[ui][api]") {
    ImGuiContext* context = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(800, 600);
    io.DeltaTime = 1.0f / 60.0f;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    frame(true);
    Controller controller;
    auto rects = nlohmann::json::parse(api_call(controller, "debugWidgets", ""));
    REQUIRE(rects.contains("window:Panel"));
    CHECK(rects["window:Panel"]["x"] == 10);
    CHECK(rects["window:Panel"]["y"] == 20);
    CHECK(rects["window:Panel"]["width"] == 200);
    REQUIRE(rects.contains("title:Panel"));
    CHECK(rects["title:Panel"]["y"] == 20);
    CHECK(rects["title:Panel"]["height"].get<float>() < 100.0f);
    REQUIRE(rects.contains("panel.go"));
    const float button_y = rects["panel.go"]["y"].get<float>();
    CHECK(button_y > 20.0f + rects["title:Panel"]["height"].get<float>() - 1.0f);  // below the title bar
    CHECK(button_y < 120.0f);
    // A widget not drawn in the last frame is gone.
    frame(false);
    rects = nlohmann::json::parse(api_call(controller, "debugWidgets", ""));
    CHECK_FALSE(rects.contains("panel.go"));
    CHECK(rects.contains("window:Panel"));
    ImGui::DestroyContext(context);
}
