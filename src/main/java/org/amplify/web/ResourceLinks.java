package org.amplify.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * The pages' links are written as they are. Boot turns on its static-resource chain for the
 * version-less WebJar URLs ({@code /webjars/htmx.org/dist/htmx.min.js}, resolved when requested),
 * and with it a filter that passes every link a page writes through that chain, to rewrite links to
 * versioned resources; we version none, and for a link such as {@code /workspaces/7/save} the
 * chain searches the whole classpath for a static file of that name, every time: most of the CPU
 * of a workspace page (WorkspacePageBenchmark). This registration keeps the filter off.
 */
@Configuration(proxyBeanMethods = false)
class ResourceLinks {

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
