# Build a static binary (the SQLite driver is pure Go, so no C toolchain is
# needed) and ship it alone on a distroless base as a non-root user.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/hirebase ./cmd/hirebase

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/hirebase /hirebase
# SQLite by default writes to the working directory; mount a volume here or
# set HIREBASE_DB to a postgres:// URL.
WORKDIR /data
ENV HIREBASE_ADDR=0.0.0.0:8080 HIREBASE_LOG_FORMAT=json
EXPOSE 8080
USER nonroot:nonroot
ENTRYPOINT ["/hirebase"]
CMD ["serve"]
