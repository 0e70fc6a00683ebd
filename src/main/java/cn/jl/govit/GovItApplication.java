package cn.jl.govit;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** 政务信息化项目全生命周期管理平台: the lifecycle of provincial government IT projects under the Jilin measures. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GovItApplication {

    public static void main(String[] args) {
        SpringApplication.run(GovItApplication.class, args);
    }
}
