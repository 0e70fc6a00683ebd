package cn.jl.govit.rulebook.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.util.StreamUtils;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

import cn.jl.govit.rulebook.JsonBody;

/**
 * Supplies {@link JsonBody} arguments: the bytes are taken with the request, the JSON is read with the
 * application's mapper (the same strict settings as {@code @RequestBody}) only when the controller asks.
 */
@Configuration(proxyBeanMethods = false)
class JsonBodyArguments implements WebMvcConfigurer, HandlerMethodArgumentResolver {

    private final JsonMapper json;

    JsonBodyArguments(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == JsonBody.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) throws IOException,
            HttpMediaTypeNotSupportedException {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        ServletServerHttpRequest message = new ServletServerHttpRequest(request);
        MediaType type = message.getHeaders().getContentType();
        if (type == null || !(MediaType.APPLICATION_JSON.isCompatibleWith(type) || type.getSubtype().endsWith("+json"))) {
            throw new HttpMediaTypeNotSupportedException(type, List.of(MediaType.APPLICATION_JSON),
                    HttpMethod.valueOf(request.getMethod()));
        }
        byte[] body = StreamUtils.copyToByteArray(request.getInputStream());
        JavaType target = json.constructType(ResolvableType.forMethodParameter(parameter).getGeneric(0).getType());
        return new JsonBody<>(() -> {
            Object value;
            try {
                value = body.length == 0 ? null : json.readValue(body, target);
            }
            catch (JacksonException e) {
                throw new HttpMessageNotReadableException("JSON parse error: " + e.getOriginalMessage(), e, message);
            }
            if (value == null) {
                throw new HttpMessageNotReadableException("Required request body is missing", message);
            }
            return value;
        });
    }
}
