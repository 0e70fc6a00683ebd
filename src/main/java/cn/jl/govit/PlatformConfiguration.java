package cn.jl.govit;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Application-wide beans that belong to no lifecycle module. */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    /** Deadlines and dates of the measures are in the provincial calendar; tests replace the clock. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(ZoneId.of("Asia/Shanghai"));
    }
}
