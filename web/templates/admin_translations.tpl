{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="{{P}}/admin">{{t_admin_title}}</a></p>
<h1>{{t_translations_title}}</h1>
<p class="notice">{{t_translations_covers}}</p>
<p role="status">{{COUNT}}</p>
{{#CONSULTATIONS}}<h2>{{t_nav_consultations}}</h2>
{{#ROW}}<h3><a href="{{P}}{{HREF}}" dir="auto">{{LABEL}}</a></h3>
<ul>{{#MISSING}}<li>{{LNAME}}{{t_punct_colon}}{{FIELDS}}</li>{{/MISSING}}</ul>{{/ROW}}{{/CONSULTATIONS}}
{{#DOCUMENTS}}<h2>{{t_nav_documents}}</h2>
{{#ROW}}<h3><a href="{{P}}{{HREF}}"><bdi>{{LABEL}}</bdi></a></h3>
<ul>{{#MISSING}}<li>{{LNAME}}{{t_punct_colon}}{{FIELDS}}</li>{{/MISSING}}</ul>{{/ROW}}{{/DOCUMENTS}}
{{#MEETINGS}}<h2>{{t_nav_meetings}}</h2>
{{#ROW}}<h3><a href="{{P}}{{HREF}}">{{LABEL}}</a></h3>
<ul>{{#MISSING}}<li>{{LNAME}}{{t_punct_colon}}{{FIELDS}}</li>{{/MISSING}}</ul>{{/ROW}}{{/MEETINGS}}
