# Builds and runs Amplify. Used by docker-compose.yml; nothing here is needed to run it without Docker.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY frontend frontend
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --create-home amplify && mkdir -p /data && chown amplify /data
USER amplify
WORKDIR /home/amplify
COPY --from=build /src/target/amplify.jar amplify.jar
ENV DJL_OFFLINE=true AMPLIFY_DATA_DIR=/data
EXPOSE 8080
ENTRYPOINT ["java", "-Dai.djl.offline=true", "-jar", "amplify.jar"]
