<div class="cover-page">
  <p class="cover-page__kicker">A knowledge base for</p>
  <h1>{{ config.site_name }}</h1>
  <p class="cover-page__description">{{ config.site_description }}</p>
  <p class="cover-page__build">
    {% if config.extra.build_date %}Built on {{ config.extra.build_date }}{% endif %}
    {% if config.extra.build_version %} from version {{ config.extra.build_version }}{% endif %}
  </p>
  <p class="cover-page__url">Online, searchable and always current: <a href="{{ config.extra.published_url }}">{{ config.extra.published_url }}</a></p>
</div>
