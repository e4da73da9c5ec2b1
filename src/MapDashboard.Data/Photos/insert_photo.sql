insert into incident_photo (id, incident_id, action, content_type, uploaded_format, bytes, width, height,
                            thumbnail_bytes, thumbnail_width, thumbnail_height, created_by)
values (@Id, @incidentId, @action, @ContentType, @UploadedFormat, @Bytes, @Width, @Height,
        @ThumbnailBytes, @ThumbnailWidth, @ThumbnailHeight, @createdBy);
