{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="{{LANG}}" dir="{{DIR}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}} · Plenary</title>
<link rel="stylesheet" href="/static/plenary.css?v={{ASSET_V}}">
<link rel="icon" type="image/svg+xml" href="/static/favicon.svg?v={{ASSET_V}}">
{{#ALTERNATE}}<link rel="alternate" type="{{TYPE}}" href="{{HREF}}" title="{{TITLE}}">
{{/ALTERNATE}}<script src="/static/form.js?v={{ASSET_V}}" defer></script>
<script src="/static/menu.js?v={{ASSET_V}}" defer></script>
</head>
<body>
<a class="skip" href="#main">{{t_skip_to_content}}</a>
<header class="site">
<a class="brand" href="{{P}}/">Plenary</a>
<button type="button" class="menu-toggle" aria-controls="site-menu">{{t_menu}}</button>
<div class="menu" id="site-menu">
<nav aria-label="{{t_nav_label}}"><ul>
<li><a href="{{P}}/consultations">{{t_nav_consultations}}</a></li>
<li><a href="{{P}}/bodies">{{t_nav_bodies}}</a></li>
<li><a href="{{P}}/meetings">{{t_nav_meetings}}</a></li>
<li><a href="{{P}}/documents">{{t_nav_documents}}</a></li>
<li><a href="{{P}}/resolutions">{{t_nav_resolutions}}</a></li>
<li><a href="{{P}}/search">{{t_nav_search}}</a></li>
{{#SIGNED_IN}}{{#STAFF}}<li><a href="{{P}}/admin">{{t_nav_admin}}</a></li>{{/STAFF}}{{/SIGNED_IN}}
</ul></nav>
<nav class="langs" aria-label="{{t_language_switcher}}"><ul>
{{#LANGS}}<li><a href="{{HREF}}" lang="{{CODE}}" hreflang="{{CODE}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{NAME}}</a></li>{{/LANGS}}
</ul></nav>
{{#SIGNED_IN}}<form method="post" action="{{P}}/logout" class="account"><input type="hidden" name="csrf" value="{{CSRF}}"><a href="{{P}}/account">{{USER}}</a> <button type="submit">{{t_logout}}</button></form>{{/SIGNED_IN}}
{{#SIGNED_OUT}}<a class="account" href="{{P}}/login">{{t_login}}</a>{{/SIGNED_OUT}}
</div>
</header>
<main id="main">
{{>BODY}}
{{#FOLLOW}}<nav class="follow" aria-label="{{t_follow}}"><h2>{{t_follow}}</h2><ul>
{{#FOLLOW_LINK}}<li><a href="{{HREF}}" type="{{TYPE}}">{{TITLE}}</a></li>{{/FOLLOW_LINK}}
</ul></nav>{{/FOLLOW}}
</main>
<footer class="site"><p>{{t_footer}} · <a href="/api/v1/consultations">{{t_footer_api}}</a></p></footer>
</body>
</html>
