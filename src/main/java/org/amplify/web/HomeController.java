package org.amplify.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** What Amplify is, and what the signed-in user can do next. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "home";
    }
}
